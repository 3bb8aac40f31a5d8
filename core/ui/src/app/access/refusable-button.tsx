import { useId, type ReactElement, type ReactNode } from 'react';
import Box from '@mui/material/Box';
import Button, { type ButtonProps } from '@mui/material/Button';
import Tooltip from '@mui/material/Tooltip';
import { visuallyHidden } from '../layout/visually-hidden';

/**
 * A button that is disabled with the reason when the server would refuse its request: the
 * reason shows on hover and is the button's accessible description for screen readers.
 */
export function RefusableButton({ refusal, children, ...props }: ButtonProps & { refusal?: string; children: ReactNode }): ReactElement {
  const id = useId();
  if (!refusal) return <Button {...props}>{children}</Button>;
  return (
    <Tooltip title={refusal}>
      {/* A disabled button gets no pointer events: the span carries the tooltip. */}
      <span data-refusal={refusal}>
        <Button {...props} disabled aria-describedby={id}>
          {children}
        </Button>
        <Box component="span" id={id} sx={visuallyHidden}>
          {refusal}
        </Box>
      </span>
    </Tooltip>
  );
}

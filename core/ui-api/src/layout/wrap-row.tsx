import type { ReactElement, ReactNode } from 'react';
import Stack from '@mui/material/Stack';
import type { SxProps, Theme } from '@mui/material/styles';

/** @alpha */
export interface WrapRowProps {
  children?: ReactNode;
  /** Space between items, in theme spacing units (default 1). */
  gap?: number;
  sx?: SxProps<Theme>;
  'aria-label'?: string;
}

/**
 * A row of chips, buttons or facts that wraps onto more lines instead of overflowing a narrow screen.
 * @alpha
 */
export function WrapRow({ children, gap = 1, sx, ...rest }: WrapRowProps): ReactElement {
  return (
    <Stack direction="row" useFlexGap spacing={gap} sx={[{ flexWrap: 'wrap', alignItems: 'center', minWidth: 0 }, ...(Array.isArray(sx) ? sx : [sx])]} {...rest}>
      {children}
    </Stack>
  );
}

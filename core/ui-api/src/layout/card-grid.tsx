import type { ReactElement, ReactNode } from 'react';
import Box from '@mui/material/Box';

/** @alpha */
export interface CardGridProps {
  children?: ReactNode;
  /** The narrowest a card gets before the grid drops a column (default 360 px); one column on phones. */
  minWidth?: number;
  'data-slot'?: string;
}

/**
 * Cards side by side as the width allows, one per row on a phone, never wider than the screen.
 * @alpha
 */
export function CardGrid({ children, minWidth = 360, ...rest }: CardGridProps): ReactElement {
  return (
    <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: `repeat(auto-fit, minmax(min(100%, ${minWidth}px), 1fr))`, '& > *': { minWidth: 0 } }} {...rest}>
      {children}
    </Box>
  );
}

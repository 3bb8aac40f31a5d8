import type { ReactElement, ReactNode } from 'react';
import Box from '@mui/material/Box';

export interface TableScrollerProps {
  /** A `Table` (MUI or plain HTML). */
  children: ReactNode;
  /** Keep the first column (the row's name or link) in place while the rest scrolls (default true). */
  stickyFirstColumn?: boolean;
}

/**
 * Holds a table wider than its card or the screen: the table scrolls sideways inside it, so
 * the page never does, and the key first column stays in view.
 */
export function TableScroller({ children, stickyFirstColumn = true }: TableScrollerProps): ReactElement {
  return (
    <Box
      data-table-scroller=""
      sx={{
        overflowX: 'auto',
        maxWidth: '100%',
        ...(stickyFirstColumn
          ? { '& th:first-of-type, & td:first-of-type': { position: 'sticky', left: 0, zIndex: 1, bgcolor: 'background.paper' } }
          : {}),
      }}
    >
      {children}
    </Box>
  );
}

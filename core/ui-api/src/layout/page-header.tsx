import type { ReactElement, ReactNode } from 'react';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';

/** @alpha */
export interface PageHeaderProps {
  /** The page's one `h1`. */
  title: ReactNode;
  /** Under the title: chips, ids, owners (wrap with `WrapRow`). */
  children?: ReactNode;
  /** Buttons and menus; they move under the title when the row is too narrow for both. */
  actions?: ReactNode;
}

/**
 * A page's title with its actions beside it on wide screens and below it on narrow ones.
 * @alpha
 */
export function PageHeader({ title, children, actions }: PageHeaderProps): ReactElement {
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'flex-start' }}>
      <Box sx={{ flex: '1 1 280px', minWidth: 0 }}>
        <Typography variant="h4" component="h1" sx={{ overflowWrap: 'anywhere', fontSize: { xs: '1.6rem', sm: '2.125rem' } }}>
          {title}
        </Typography>
        {children}
      </Box>
      {actions && <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, alignItems: 'center' }}>{actions}</Box>}
    </Box>
  );
}

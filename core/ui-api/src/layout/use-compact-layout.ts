import useMediaQuery from '@mui/material/useMediaQuery';
import { useTheme } from '@mui/material/styles';

/**
 * The theme breakpoint below which the portal lays out for phones and small tablets: the
 * navigation becomes a drawer, search an icon, and rows of controls wrap.
 * @alpha
 */
export const COMPACT_BELOW = 'md' as const;

/**
 * True below the tablet width (`COMPACT_BELOW`), for widgets that show less or stack when narrow.
 * @alpha
 */
export function useCompactLayout(): boolean {
  const theme = useTheme();
  return useMediaQuery(theme.breakpoints.down(COMPACT_BELOW), { noSsr: true });
}

import { useEffect, useRef, useState, type ReactElement, type ReactNode } from 'react';
import Box from '@mui/material/Box';

/** @alpha */
export interface TableScrollerProps {
  /** A `Table` (MUI or plain HTML). */
  children: ReactNode;
  /** Keep the first column (the row's name or link) in place while the rest scrolls (default true). */
  stickyFirstColumn?: boolean;
  /** Names the scrolling region for screen readers, e.g. the table's own label. */
  label?: string;
}

/**
 * Holds a table wider than its card or the screen: the table scrolls sideways inside it, so
 * the page never does, and the key first column stays in view. While it actually scrolls it is
 * a Tab stop, so keyboard users can scroll it with the arrow keys.
 * @alpha
 */
export function TableScroller({ children, stickyFirstColumn = true, label }: TableScrollerProps): ReactElement {
  const box = useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = useState(false);
  useEffect(() => {
    const element = box.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const measure = (): void => setScrolls(element.scrollWidth > element.clientWidth);
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    if (element.firstElementChild) observer.observe(element.firstElementChild);
    measure();
    return () => observer.disconnect();
  }, []);
  return (
    <Box
      ref={box}
      data-table-scroller=""
      tabIndex={scrolls ? 0 : undefined}
      role={label ? 'region' : undefined}
      aria-label={label}
      sx={{
        overflowX: 'auto',
        maxWidth: '100%',
        ...(stickyFirstColumn ? { '& th:first-of-type, & td:first-of-type': { position: 'sticky', left: 0, zIndex: 1, bgcolor: 'background.paper' } } : {}),
      }}
    >
      {children}
    </Box>
  );
}

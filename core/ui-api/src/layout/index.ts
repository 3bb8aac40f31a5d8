export { useCompactLayout, COMPACT_BELOW } from './use-compact-layout';
export { WrapRow, type WrapRowProps } from './wrap-row';
export { PageHeader, type PageHeaderProps } from './page-header';
export { CardGrid, type CardGridProps } from './card-grid';
export { TableScroller, type TableScrollerProps } from './table-scroller';

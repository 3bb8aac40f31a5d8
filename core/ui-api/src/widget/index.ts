export type { WidgetProps, PlacedWidget } from './widget-props';

import type { Entity, WidgetDefinition } from '@portico/plugin-api';

/**
 * A widget as the shell renders it: its definition plus the plugin that contributed it.
 * @alpha
 */
export type PlacedWidget = WidgetDefinition & { pluginId: string };

/**
 * What every widget component exported from a plugin's UI bundle receives.
 * @alpha
 */
export interface WidgetProps {
  /** The entity being shown, for widgets in `entity.cards`, `entity.tabs` and `catalog.columns`. */
  entity?: Entity;
  widget: PlacedWidget;
}

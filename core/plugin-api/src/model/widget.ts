/**
 * Slots the shell renders. Plugins may also target slots other plugins define.
 * @public
 */
export type SlotId =
  | 'home.widgets'
  | 'entity.cards'
  | 'entity.tabs'
  | 'catalog.columns'
  | 'nav.items'
  | 'pages'
  | 'form.fields'
  | (string & {});

/** @public */
export interface WidgetCondition {
  kind?: string | string[];
  /** Shown only when the entity's property equals the value. */
  property?: { name: string; equals: unknown };
}

/**
 * A UI contribution. Declared on the backend so the kernel can list it; the component
 * itself is the named export `component` of the plugin's UI bundle.
 * @public
 */
export interface WidgetDefinition {
  id: string;
  slot: SlotId;
  title: string;
  /** Export name in the plugin's UI bundle. */
  component: string;
  condition?: WidgetCondition;
  order?: number;
  /** For `pages` and `nav.items`: the path it lives at. */
  path?: string;
  /**
   * Set to let people place this widget on their dashboards (it is then listed in a dashboard's
   * "Add widget" menu). The component receives no `entity` there, so it must stand on its own.
   */
  dashboard?: WidgetDashboardSupport;
}

/**
 * A widget's wish to live on dashboards, with the grid size it starts at (12 columns wide; rows of 80 px).
 * @public
 */
export interface WidgetDashboardSupport {
  /** Columns, 1 to 12 (default 4). */
  width?: number;
  /** Rows, 1 to 12 (default 3). */
  height?: number;
}

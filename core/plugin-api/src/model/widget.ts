/** Slots the shell renders. Plugins may also target slots other plugins define. */
export type SlotId =
  | 'home.widgets'
  | 'entity.cards'
  | 'entity.tabs'
  | 'catalog.columns'
  | 'nav.items'
  | 'pages'
  | 'form.fields'
  | (string & {});

export interface WidgetCondition {
  kind?: string | string[];
  /** Shown only when the entity's property equals the value. */
  property?: { name: string; equals: unknown };
}

/**
 * A UI contribution. Declared on the backend so the kernel can list it; the component
 * itself is the named export `component` of the plugin's UI bundle.
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
}

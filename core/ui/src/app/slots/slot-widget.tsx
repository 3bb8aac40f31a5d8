import { lazy, Suspense, useMemo, type ComponentType, type ReactElement } from 'react';
import Alert from '@mui/material/Alert';
import Skeleton from '@mui/material/Skeleton';
import type { Entity } from '@portico/plugin-api';
import type { PlacedWidget, WidgetProps } from '@portico/ui-api';
import { usePluginRegistry } from '../plugins/plugin-registry';
import { loadPluginModule } from '../plugins/load-plugin-module';
import { WidgetBoundary } from './widget-boundary';

const components = new Map<string, ComponentType<WidgetProps>>();

/** One lazy component per widget, created once so re-renders never remount it. */
function lazyWidget(url: string, widget: PlacedWidget): ComponentType<WidgetProps> {
  const key = `${url}#${widget.component}`;
  let component = components.get(key);
  if (!component) {
    component = lazy(async () => {
      const module = await loadPluginModule(url);
      const exported = module[widget.component];
      if (typeof exported !== 'function' && (typeof exported !== 'object' || exported === null)) {
        throw new Error(`The UI bundle of plugin "${widget.pluginId}" has no export "${widget.component}"`);
      }
      return { default: exported as ComponentType<WidgetProps> };
    });
    components.set(key, component);
  }
  return component;
}

/** Renders one plugin widget: refused bundles say why, failures stay inside the boundary. */
export function SlotWidget({ widget, entity, extraProps }: { widget: PlacedWidget; entity?: Entity; extraProps?: Record<string, unknown> }): ReactElement {
  const { bundles } = usePluginRegistry();
  const bundle = bundles.get(widget.pluginId);
  const Widget = useMemo(() => (bundle?.compatible ? lazyWidget(bundle.url, widget) : null), [bundle, widget]);
  if (!bundle) {
    return <Alert severity="warning" data-testid="widget-error">Plugin "{widget.pluginId}" has no UI bundle, so "{widget.title}" cannot show.</Alert>;
  }
  if (!Widget) {
    return (
      <Alert severity="error" data-testid="widget-refused">
        {bundle.problem}
      </Alert>
    );
  }
  return (
    <WidgetBoundary label={widget.title}>
      <Suspense fallback={<Skeleton variant="rounded" height={80} role="progressbar" aria-label={`Loading ${widget.title}`} />}>
        <Widget {...extraProps} widget={widget} entity={entity} />
      </Suspense>
    </WidgetBoundary>
  );
}

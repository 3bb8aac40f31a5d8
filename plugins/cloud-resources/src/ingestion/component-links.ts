import type { CatalogService } from '@portico/plugin-api';

/**
 * Backstage's annotation on a Component, and label on its Kubernetes objects, naming the objects that belong to it.
 * @public
 */
export const BACKSTAGE_KUBERNETES_ID = 'backstage.io/kubernetes-id';
/**
 * The recommended Kubernetes label naming the application.
 * @public
 */
export const APP_NAME_LABEL = 'app.kubernetes.io/name';

/** Which Component a set of labels (or tags) points at, over the Components in the catalog. */
export interface ComponentLinks {
  componentFor(labels: Record<string, string>, keys?: string[]): string | null;
}

/**
 * Reads every Component once: a label value names a Component by its id or by its
 * `backstage.io/kubernetes-id` annotation (kept under `properties.annotations`).
 */
export async function loadComponentLinks(catalog: Pick<CatalogService, 'query'>): Promise<ComponentLinks> {
  const byValue = new Map<string, string>();
  let cursor: string | undefined;
  do {
    const page = await catalog.query({ kind: 'component', limit: 500, ...(cursor ? { cursor } : {}) });
    for (const component of page.items) {
      byValue.set(component.id, component.id);
      const annotated = (component.properties.annotations as Record<string, unknown> | undefined)?.[BACKSTAGE_KUBERNETES_ID];
      if (typeof annotated === 'string' && annotated) byValue.set(annotated, component.id);
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return {
    componentFor(labels, keys = [BACKSTAGE_KUBERNETES_ID, APP_NAME_LABEL]) {
      for (const key of keys) {
        const found = labels[key] && byValue.get(labels[key]);
        if (found) return found;
      }
      return null;
    },
  };
}

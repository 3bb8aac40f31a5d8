import { PluginLoadError } from './plugin-load-error';

/**
 * Orders plugins so that every plugin comes after the ones it depends on.
 * `dependencies` maps a plugin id to the ids it needs.
 */
export function orderPlugins(ids: string[], dependencies: Map<string, Set<string>>): string[] {
  const ordered: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (id: string, path: string[]): void => {
    if (state.get(id) === 'done') return;
    if (state.get(id) === 'visiting') {
      const cycle = [...path.slice(path.indexOf(id)), id].join(' -> ');
      throw new PluginLoadError(`Plugins depend on each other in a cycle (${cycle}): remove one of these dependencies.`, id);
    }
    state.set(id, 'visiting');
    for (const dep of dependencies.get(id) ?? []) if (ids.includes(dep)) visit(dep, [...path, id]);
    state.set(id, 'done');
    ordered.push(id);
  };
  for (const id of ids) visit(id, []);
  return ordered;
}

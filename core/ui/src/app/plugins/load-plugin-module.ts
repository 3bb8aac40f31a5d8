const modules = new Map<string, Promise<Record<string, unknown>>>();

/**
 * Imports a plugin's UI bundle once. The specifier is a runtime value, so the bundler leaves
 * this `import()` alone and the browser resolves the bundle's own imports (react, MUI,
 * @portico/ui-api) through the page's import map.
 */
export function loadPluginModule(url: string): Promise<Record<string, unknown>> {
  let loading = modules.get(url);
  if (!loading) {
    loading = import(/* @vite-ignore */ url) as Promise<Record<string, unknown>>;
    modules.set(url, loading);
  }
  return loading;
}

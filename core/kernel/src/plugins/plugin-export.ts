import { getPluginInternals, type PluginInternals } from '@portico/plugin-api/internal';

/**
 * The plugin a module exports: `export default definePlugin(...)`, a named `plugin`, or the
 * default of a CommonJS module seen through ESM interop. Undefined when it exports none.
 */
export function pluginExportOf(mod: Record<string, unknown>): PluginInternals | undefined {
  const exported = mod.default && typeof mod.default === 'object' && '$$type' in (mod.default as object) ? mod.default : (mod.plugin ?? (mod.default as Record<string, unknown> | undefined)?.default);
  return getPluginInternals(exported);
}

import { SchemaValidator } from '@portico/http';
import type { ConfigService, JsonSchema } from '@portico/plugin-api';

const validator = new SchemaValidator();

/** A plugin's config section, validated (defaults applied) against the plugin's schema. */
export function createPluginConfig(pluginId: string, schema: JsonSchema | undefined, section: Record<string, unknown> | undefined): ConfigService {
  const value = structuredClone(section ?? {});
  if (schema) validator.assert(schema, value, `The config of plugin "${pluginId}" (portico.config.yaml, plugins[].config)`);
  return {
    get: <T>() => value as T,
    getOptional: <T>(path: string) => {
      let current: unknown = value;
      for (const part of path.split('.')) {
        if (current === null || typeof current !== 'object') return undefined;
        current = (current as Record<string, unknown>)[part];
      }
      return current as T | undefined;
    },
  };
}

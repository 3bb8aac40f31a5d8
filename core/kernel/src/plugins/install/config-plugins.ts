import { readFileSync, writeFileSync } from 'node:fs';
import { isMap, isSeq, parseDocument, type Document, type YAMLMap, type YAMLSeq } from 'yaml';
import type { JsonSchema } from '@portico/plugin-api';
import { PluginInstallError } from './plugin-install-error';

function load(configPath: string): { text: string; doc: Document; plugins: YAMLSeq } {
  const text = readFileSync(configPath, 'utf8');
  const doc = parseDocument(text);
  if (doc.errors.length > 0) throw new PluginInstallError(`${configPath} is not valid YAML (${doc.errors[0].message}): fix it first.`, 409);
  let plugins = doc.get('plugins', true);
  if (plugins === undefined || plugins === null) {
    doc.set('plugins', doc.createNode([]));
    plugins = doc.get('plugins', true);
  }
  if (!isSeq(plugins)) throw new PluginInstallError(`"plugins" in ${configPath} must be a list.`, 409);
  return { text, doc, plugins };
}

/** The defaults a config schema gives its top-level properties, as YAML lines. */
function defaultLines(schema: JsonSchema | undefined): string[] {
  const properties = (schema as { properties?: Record<string, { default?: unknown; description?: string }> } | undefined)?.properties ?? {};
  const lines: string[] = [];
  for (const [name, property] of Object.entries(properties)) {
    if (property.default === undefined) continue;
    lines.push(`  ${name}: ${JSON.stringify(property.default)}${property.description ? `  # ${property.description.split('\n')[0]}` : ''}`);
  }
  return lines;
}

/**
 * Adds `- package: <name>` to the plugins list, keeping every comment of the file, with the
 * defaults of the plugin's config schema as a commented `config:` block to start from.
 * Returns the file's previous text, to put back if the change is undone.
 */
export function addPluginEntry(configPath: string, packageName: string, configSchema: JsonSchema | undefined): string {
  const { text, doc, plugins } = load(configPath);
  if (plugins.items.some((item) => isMap(item) && item.get('package') === packageName)) return text;
  // `plugins: []` is a flow list; entries read better as a block list, one per line.
  plugins.flow = false;
  const entry = doc.createNode({ package: packageName }) as YAMLMap;
  const defaults = defaultLines(configSchema);
  if (defaults.length > 0) entry.comment = [' config (the defaults; uncomment to change):', ' config:', ...defaults.map((line) => ` ${line}`)].join('\n');
  plugins.items.push(entry);
  writeFileSync(configPath, doc.toString());
  return text;
}

/** Removes the entry for `packageName`; returns the previous text, or undefined when there was none. */
export function removePluginEntry(configPath: string, packageName: string): string | undefined {
  const { text, doc, plugins } = load(configPath);
  const index = plugins.items.findIndex((item) => isMap(item) && item.get('package') === packageName);
  if (index < 0) return undefined;
  plugins.items.splice(index, 1);
  writeFileSync(configPath, doc.toString());
  return text;
}

/** The npm packages the config lists (path entries are the author's own and not managed here). */
export function configuredPackages(configPath: string): string[] {
  const { plugins } = load(configPath);
  return plugins.items.flatMap((item) => (isMap(item) && typeof item.get('package') === 'string' ? [String(item.get('package'))] : []));
}

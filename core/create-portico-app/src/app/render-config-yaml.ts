import { isMap, isSeq, parseDocument } from 'yaml';

/** What changes between the template's config and a created portal's. */
export interface ConfigChoices {
  title: string;
  plugins: string[];
  /** List a chosen plugin the template does not mention, with no config (the development config does). */
  addMissingPlugins: boolean;
  redisUrl?: string;
}

/**
 * The template's portico YAML with the portal's title, only the chosen plugins (each keeping its
 * commented config) and, for a Redis store, its URL. Comments elsewhere are kept as written.
 */
export function renderConfigYaml(source: string, choices: ConfigChoices): string {
  const doc = parseDocument(source);
  if (doc.errors.length > 0) throw new Error(`The template's YAML does not parse: ${doc.errors[0].message}`);
  if (doc.hasIn(['portal', 'title'])) doc.setIn(['portal', 'title'], choices.title);
  else doc.setIn(['portal'], doc.createNode({ title: choices.title }));
  const plugins = doc.get('plugins');
  if (!isSeq(plugins)) throw new Error("The template's YAML has no plugins list.");
  plugins.items = plugins.items.filter((item) => isMap(item) && choices.plugins.includes(String(item.get('package'))));
  if (choices.addMissingPlugins) {
    const listed = new Set(plugins.items.map((item) => (isMap(item) ? String(item.get('package')) : '')));
    for (const name of choices.plugins.filter((plugin) => !listed.has(plugin))) plugins.add(doc.createNode({ package: name }));
  }
  if (choices.redisUrl !== undefined) doc.setIn(['redis', 'url'], choices.redisUrl);
  return doc.toString({ lineWidth: 0 });
}

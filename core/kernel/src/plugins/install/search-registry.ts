import { PluginInstallError } from './plugin-install-error';
import { spawnNpm } from './run-npm';

/** The keyword a package carries to be found as a Portico plugin. */
export const PLUGIN_KEYWORD = 'portico-plugin';

export interface RegistryHit {
  name: string;
  version: string;
  description?: string;
  keywords: string[];
  date?: string;
}

/**
 * Plugins in the registry npm is configured with (`npm search`, the registry's /-/v1/search):
 * packages with the `portico-plugin` keyword, narrowed by the words given. The keyword is searched
 * as text and then required of each hit, because private registries (verdaccio) do not know
 * npmjs' `keywords:` qualifier.
 */
export async function searchRegistry(text: string, cwd: string, limit = 20): Promise<RegistryHit[]> {
  const words = text.trim().split(/\s+/).filter(Boolean);
  if (words.some((word) => word.startsWith('-'))) throw new PluginInstallError(`Search words may not start with "-" ("${text}").`, 400);
  const result = await spawnNpm(['search', '--json', `--searchlimit=${limit}`, PLUGIN_KEYWORD, ...words], cwd, { timeoutMs: 60_000 });
  const output = result.stdout.trim();
  if (result.code !== 0) {
    const detail = result.stderr.trim().split('\n').slice(0, 3).join(' ');
    throw new PluginInstallError(`The registry could not be searched: ${detail || `npm search exited with ${result.code ?? 'a timeout'}`}. Check the network and the registry npm uses (npm config get registry).`, 502);
  }
  const hits = (output ? JSON.parse(output) : []) as Array<Record<string, unknown>>;
  return hits
    .map((hit) => ({
      name: String(hit.name),
      // npmjs answers `version`; verdaccio answers the packument's `dist-tags`.
      version: String(hit.version ?? (hit['dist-tags'] as { latest?: string } | undefined)?.latest ?? ''),
      description: typeof hit.description === 'string' ? hit.description : undefined,
      keywords: Array.isArray(hit.keywords) ? hit.keywords.map(String) : [],
      date: typeof hit.date === 'string' ? hit.date : undefined,
    }))
    .filter((hit) => hit.keywords.includes(PLUGIN_KEYWORD));
}

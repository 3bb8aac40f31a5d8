import { readdir, readFile, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { glob } from 'tinyglobby';

/**
 * Reads catalog files from a folder tree and from URLs. URLs are fetched with the ETag of
 * their last answer, so a resync of an unchanged URL costs a 304 and no parsing.
 */
export class LocationReader {
  private readonly cache = new Map<string, { etag: string; text: string }>();
  /** How many URL reads since the last `startPass` returned new content (not a 304). */
  changed = 0;

  private readonly folders: Array<{ dir: string; label: string }> = [];

  constructor(private readonly options: { fetch?: typeof fetch; headers?: Record<string, string> } = {}) {}

  /**
   * A folder local Location targets may read (a file source's folder, a git checkout); no
   * target may leave every such folder. `label` names its files in reports.
   */
  allowFolder(dir: string, label: string): void {
    this.folders.push({ dir: resolve(dir), label });
  }

  private folderOf(location: string): { dir: string; label: string } | undefined {
    return this.folders.find((f) => location === f.dir || location.startsWith(f.dir + sep));
  }

  /** A new read of the sources: counts restart, and folders are allowed again as they are found. */
  startPass(): void {
    this.changed = 0;
    this.folders.length = 0;
  }

  /** The catalog files of a file or folder: the file itself, or every .yaml/.yml below the folder. */
  async roots(path: string): Promise<string[]> {
    const info = await stat(path);
    if (!info.isDirectory()) return [resolve(path)];
    const found: string[] = [];
    const walk = async (dir: string): Promise<void> => {
      for (const entry of await readdir(dir, { withFileTypes: true })) {
        if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
        const full = join(dir, entry.name);
        if (entry.isDirectory()) await walk(full);
        else if (/\.ya?ml$/i.test(entry.name)) found.push(full);
      }
    };
    await walk(resolve(path));
    return found.sort();
  }

  /**
   * The files a Location target names, relative to the file that names it: one, or every file a
   * glob pattern matches in a local folder (`*` within a folder name, `**` across folders), in
   * path order; or why not.
   */
  async resolveTargets(base: string, target: string): Promise<{ locations: string[] } | { error: string }> {
    if (/^https?:\/\//i.test(target)) return { locations: [target] };
    const isGlob = /[*?[\]{}]/.test(target);
    if (/^https?:\/\//i.test(base)) {
      if (isGlob) return { error: `target "${target}" is a glob pattern in a file read from a URL, where files cannot be listed: list them, or import a git repository` };
      return { locations: [new URL(target, base).toString()] };
    }
    if (!isGlob) {
      const location = isAbsolute(target) ? target : resolve(dirname(base), target);
      if (!this.folderOf(location)) return { error: `target "${target}" is outside the imported folders` };
      return { locations: [location] };
    }
    // tinyglobby (picomatch syntax, as Backstage's own glob targets); only files inside the imported folders.
    const matches = await glob(target, { cwd: dirname(base), absolute: true, onlyFiles: true, dot: false, ignore: ['**/node_modules/**'] });
    const inside = matches.map((m) => resolve(m)).filter((m) => this.folderOf(m));
    if (matches.length && !inside.length) return { error: `target "${target}" matches only files outside the imported folders` };
    return { locations: inside.sort() };
  }

  /** How a location is named in reports: by its folder's label and path inside it, URLs as they are. */
  describe(location: string): string {
    const folder = this.folderOf(location);
    if (!folder) return location;
    return [folder.label, relative(folder.dir, location)].filter(Boolean).join('/') || location;
  }

  async read(location: string): Promise<string> {
    if (!/^https?:\/\//i.test(location)) return readFile(location, 'utf8');
    const cached = this.cache.get(location);
    const response = await (this.options.fetch ?? fetch)(location, { headers: { accept: 'application/yaml, text/yaml, text/plain, */*', ...this.options.headers, ...(cached ? { 'if-none-match': cached.etag } : {}) } });
    if (response.status === 304 && cached) return cached.text;
    if (!response.ok) throw new Error(`GET ${location} answered ${response.status} ${response.statusText}`);
    const text = await response.text();
    const etag = response.headers.get('etag');
    if (etag) this.cache.set(location, { etag, text });
    this.changed += 1;
    return text;
  }
}

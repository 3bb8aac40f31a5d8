import { execFile } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { importBackstageCatalog, type BackstageImport, type ImportOptions } from './import-backstage-catalog';
import { LocationReader } from './location-reader';

const run = promisify(execFile);

/**
 * Where a Backstage catalog comes from: a file or folder, a URL (read with ETags), or a git repository.
 * @public
 */
export type BackstageSourceConfig = { path: string } | { url: string } | { git: string; ref?: string; path?: string };

/**
 * What the CLI accepts as `<source>`: a git URL (`.git`, `git@`, `git+https:`), another URL, or a path.
 * @public
 */
export function parseSourceArgument(argument: string): BackstageSourceConfig {
  if (/^git@|^git\+|^ssh:\/\/|\.git(#.*)?$/i.test(argument)) {
    const [url, ref] = argument.replace(/^git\+/, '').split('#');
    return { git: url, ...(ref ? { ref } : {}) };
  }
  if (/^https?:\/\//i.test(argument)) return { url: argument };
  return { path: argument };
}

/** @public */
export function describeSource(source: BackstageSourceConfig): string {
  if ('git' in source) return `${source.git}${source.ref ? `#${source.ref}` : ''}${source.path ? ` (${source.path})` : ''}`;
  return 'url' in source ? source.url : source.path;
}

async function git(args: string[], cwd?: string): Promise<string> {
  try {
    const { stdout } = await run('git', args, { cwd, timeout: 120_000, maxBuffer: 16 * 1024 * 1024, env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } });
    return stdout.trim();
  } catch (error) {
    const e = error as { code?: string; stderr?: string; message: string };
    if (e.code === 'ENOENT') throw new Error('the git command is not installed: install git, or import a folder or URL instead');
    const lines = (e.stderr || e.message).trim().split('\n');
    throw new Error(`git ${args[0]} failed: ${(lines.find((l) => l.startsWith('fatal:')) ?? lines[0]).replace(/^fatal: /, '')}`);
  }
}

/**
 * Reads every configured source into one import, so relations can cross sources (the org in
 * one repository, services in others). Keeps URL ETags and git revisions between calls:
 * `unchanged` says nothing was different from the previous complete read.
 * @public
 */
export class BackstageSources {
  private readonly reader = new LocationReader();
  private readonly revisions = new Map<string, string>();
  private lastComplete = false;

  constructor(private readonly sources: BackstageSourceConfig[]) {}

  async load(options: ImportOptions = {}): Promise<BackstageImport & { unchanged: boolean }> {
    this.reader.startPass();
    const roots: string[] = [];
    const checkouts: string[] = [];
    let gitChanged = false;
    const failures: Array<{ file: string; line: number; message: string }> = [];
    try {
      for (const source of this.sources) {
        try {
          if ('url' in source) roots.push(source.url);
          else if ('git' in source) {
            const revision = (await git(['ls-remote', '--', source.git, source.ref ?? 'HEAD'])).split(/\s/)[0];
            if (!revision) throw new Error(`git ls-remote found no ref "${source.ref ?? 'HEAD'}" in ${source.git}`);
            if (this.revisions.get(describeSource(source)) !== revision) gitChanged = true;
            this.revisions.set(describeSource(source), revision);
            const dir = await mkdtemp(join(tmpdir(), 'portico-backstage-'));
            checkouts.push(dir);
            await git(['clone', '--quiet', '--depth', '1', ...(source.ref ? ['--branch', source.ref] : []), '--', source.git, dir]);
            const folder = join(dir, source.path ?? '');
            this.reader.allowFolder(folder, describeSource(source));
            roots.push(...(await this.reader.roots(folder)));
          } else {
            const path = resolve(source.path);
            const folder = (await stat(path)).isDirectory() ? path : dirname(path);
            this.reader.allowFolder(folder, '');
            roots.push(...(await this.reader.roots(path)));
          }
        } catch (error) {
          failures.push({ file: describeSource(source), line: 1, message: `could not be read: ${(error as Error).message}` });
        }
      }
      const result = await importBackstageCatalog(roots, this.reader, options);
      result.report.errors.unshift(...failures);
      if (failures.length) result.report.incomplete = true;
      // Local files are cheap to read again but give no change signal: only URL and git sources can be unchanged.
      const unchanged = this.lastComplete && !result.report.incomplete && !gitChanged && this.reader.changed === 0 && this.sources.every((s) => !('path' in s) || 'git' in s);
      this.lastComplete = !result.report.incomplete;
      return { ...result, unchanged };
    } finally {
      for (const dir of checkouts) await rm(dir, { recursive: true, force: true });
    }
  }
}

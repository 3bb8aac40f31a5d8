import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

async function git(args: string[]): Promise<string> {
  try {
    const { stdout } = await run('git', args, { timeout: 120_000, maxBuffer: 16 * 1024 * 1024, env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } });
    return stdout.trim();
  } catch (error) {
    const e = error as { code?: string; stderr?: string; message: string };
    if (e.code === 'ENOENT') throw new Error('the git command is not installed: install git to sync catalog files from a repository');
    const lines = (e.stderr || e.message).trim().split('\n');
    throw new Error(`git ${args[0]} failed: ${(lines.find((l) => l.startsWith('fatal:')) ?? lines[0]).replace(/^fatal: /, '')}`);
  }
}

/** The commit `ref` (default HEAD) of a repository points at, without cloning it. */
export async function remoteRevision(url: string, ref = 'HEAD'): Promise<string> {
  const revision = (await git(['ls-remote', '--', url, ref])).split(/\s/)[0];
  if (!revision) throw new Error(`git ls-remote found no ref "${ref}" in ${url}`);
  return revision;
}

/** A shallow clone of `ref` in a new temporary folder (the caller removes it). */
export async function shallowClone(url: string, ref?: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'portico-catalog-code-'));
  await git(['clone', '--quiet', '--depth', '1', ...(ref ? ['--branch', ref] : []), '--', url, join(dir, 'checkout')]);
  return join(dir, 'checkout');
}

import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReconcileResult } from '../../plugins/reconcile-plugins';

/** What `portico start` writes in its data folder while it runs, so `portico plugin` finds it. */
export interface PortalNote {
  pid: number;
  url: string;
  configPath: string;
}

export interface ReloadAnswer extends ReconcileResult {
  /** The request this answers. */
  request: string;
  pid: number;
  /** Set when the config could not be read: nothing changed. */
  error?: string;
}

const NOTE = 'portal.json';
const REQUEST = 'plugin-reload-request.json';
const ANSWER = 'plugin-reload.json';

function readJson<T>(file: string): T | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function writePortalNote(dataDir: string, note: PortalNote): void {
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(join(dataDir, NOTE), JSON.stringify(note));
}

export function removePortalNote(dataDir: string): void {
  const note = readJson<PortalNote>(join(dataDir, NOTE));
  if (note?.pid === process.pid) rmSync(join(dataDir, NOTE), { force: true });
}

/** The portal running on this data folder, or undefined (none, or its process is gone). */
export function findRunningPortal(dataDir: string): PortalNote | undefined {
  const note = readJson<PortalNote>(join(dataDir, NOTE));
  return note && alive(note.pid) ? note : undefined;
}

/** The portal's side: which request it is answering. */
export function readReloadRequest(dataDir: string): string {
  return readJson<{ request: string }>(join(dataDir, REQUEST))?.request ?? 'unrequested';
}

export function writeReloadAnswer(dataDir: string, answer: ReloadAnswer): void {
  writeFileSync(join(dataDir, ANSWER), JSON.stringify(answer));
}

/**
 * Asks a running portal to re-read its config (SIGHUP: only the portal's own user may send
 * it, so the request needs no credential) and waits for its answer.
 */
export async function askPortalToReload(dataDir: string, portal: PortalNote, timeoutMs = 60_000): Promise<ReloadAnswer> {
  const request = randomUUID();
  writeFileSync(join(dataDir, REQUEST), JSON.stringify({ request }));
  process.kill(portal.pid, 'SIGHUP');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const answer = existsSync(join(dataDir, ANSWER)) ? readJson<ReloadAnswer>(join(dataDir, ANSWER)) : undefined;
    if (answer?.request === request) return answer;
    if (!alive(portal.pid)) throw new Error(`The portal (process ${portal.pid}) stopped before it answered.`);
    if (Date.now() > deadline) throw new Error(`The portal at ${portal.url} (process ${portal.pid}) did not answer within ${timeoutMs / 1000} s; its log says why.`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

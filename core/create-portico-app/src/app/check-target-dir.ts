import { existsSync, readdirSync, statSync } from 'node:fs';

/** Why a portal cannot be created in `dir`, or undefined when it can (missing or empty). */
export function checkTargetDir(dir: string): string | undefined {
  if (!existsSync(dir)) return undefined;
  if (!statSync(dir).isDirectory()) return `${dir} is a file: choose a folder name that does not exist yet.`;
  if (readdirSync(dir).length > 0) return `${dir} already exists and is not empty: choose another folder, or empty this one.`;
  return undefined;
}

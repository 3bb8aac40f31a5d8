import { createHash, type Hash } from 'node:crypto';
import type { Entity } from '@portico/plugin-api';
import type { StoredKind } from '../store/catalog-store';
import { canonicalJson } from './canonical-json';
import type { KindDigestSummary } from './export-manifest';

function sha256(text: string): string {
  return `sha256:${createHash('sha256').update(text).digest('hex')}`;
}

export function relationCount(entity: Entity): number {
  let count = 0;
  for (const value of Object.values(entity.relations ?? {})) count += Array.isArray(value) ? value.length : value ? 1 : 0;
  return count;
}

/** The running digest of one kind: fed its entities in id order, as canonical JSON lines. */
export class KindDigest {
  private readonly hash: Hash = createHash('sha256');
  private entities = 0;
  private relations = 0;

  constructor(private readonly stored: StoredKind) {}

  /** Adds one entity; `line` is its canonical JSON when the caller already has it. */
  add(entity: Entity, line = canonicalJson(entity)): void {
    this.hash.update(line).update('\n');
    this.entities += 1;
    this.relations += relationCount(entity);
  }

  summary(): KindDigestSummary {
    return { source: this.stored.source, definitionHash: sha256(canonicalJson({ kind: this.stored.kind, source: this.stored.source })), entities: this.entities, relations: this.relations, hash: `sha256:${this.hash.digest('hex')}` };
  }
}

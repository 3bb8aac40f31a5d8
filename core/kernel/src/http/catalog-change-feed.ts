import type { EntityEvent } from '@portico/plugin-api';

/** How often, at most, open tabs hear that the catalog changed: a bulk import is a few messages, not one per entity. */
export const CATALOG_CHANGE_EVERY_MS = 1000;

/** One message of the feed: the kinds with entities created, changed or deleted since the last one. */
export interface CatalogChange {
  kinds: string[];
}

/**
 * Turns the catalog's entity events (every instance's, through the store's bus) into throttled
 * `catalog` messages for the event stream. It listens to the catalog only while someone listens to it.
 */
export class CatalogChangeFeed {
  private readonly listeners = new Set<(change: CatalogChange) => void>();
  private readonly pending = new Set<string>();
  private unsubscribe: (() => void) | null = null;
  private timer: NodeJS.Timeout | null = null;
  private lastSent = 0;

  constructor(
    private readonly catalog: { onEvent(listener: (event: EntityEvent) => void): () => void },
    private readonly everyMs = CATALOG_CHANGE_EVERY_MS,
  ) {}

  subscribe(listener: (change: CatalogChange) => void): () => void {
    this.listeners.add(listener);
    this.unsubscribe ??= this.catalog.onEvent((event) => this.note(event.kind));
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size > 0) return;
      this.unsubscribe?.();
      this.unsubscribe = null;
      if (this.timer) clearTimeout(this.timer);
      this.timer = null;
      this.pending.clear();
    };
  }

  private note(kind: string): void {
    this.pending.add(kind);
    if (this.timer) return;
    this.timer = setTimeout(() => this.send(), Math.max(0, this.lastSent + this.everyMs - Date.now()));
    this.timer.unref();
  }

  private send(): void {
    this.timer = null;
    this.lastSent = Date.now();
    const change = { kinds: [...this.pending].sort() };
    this.pending.clear();
    for (const listener of this.listeners) listener(change);
  }
}

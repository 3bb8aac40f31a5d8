/** One membership of an entity in an index. */
export interface IndexEntry {
  key: string;
  member: string;
  score: number;
  /** For equality indexes: the values registry that lists this index's value (facets, prefix queries). */
  valuesKey?: string;
  value?: string;
}

export function entryId(entry: IndexEntry): string {
  return `${entry.key}\u0000${entry.member}`;
}

/** What changes between two entry lists: new or re-scored entries to add, vanished ones to remove. */
export function diffEntries(before: IndexEntry[], after: IndexEntry[]): { add: IndexEntry[]; remove: IndexEntry[] } {
  const old = new Map(before.map((e) => [entryId(e), e]));
  const add: IndexEntry[] = [];
  for (const entry of after) {
    const id = entryId(entry);
    const previous = old.get(id);
    if (!previous || previous.score !== entry.score) add.push(entry);
    old.delete(id);
  }
  return { add, remove: [...old.values()] };
}

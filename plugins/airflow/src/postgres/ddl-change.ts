/**
 * A change of a table, as data: what the actions validate, show, send for approval and then
 * turn into SQL. No field is SQL except `using`, the expression of a type change.
 * @public
 */
export type DdlChange =
  | { op: 'add-column'; column: string; type: string; nullable: boolean; default?: string }
  | { op: 'remove-column'; column: string }
  | {
      op: 'update-column';
      column: string;
      rename?: string;
      type?: string;
      /** How old values become the new type, e.g. `amount::numeric / 100`. */
      using?: string;
      nullable?: boolean;
      /** A literal value; `null` removes the default. */
      default?: string | null;
    }
  | { op: 'duplicate-table'; targetSchema: string; targetTable: string; withData: boolean };

/** Removing a column or changing its type can lose data: those need the owning team's approval. */
export function isDestructive(change: DdlChange): boolean {
  return change.op === 'remove-column' || (change.op === 'update-column' && change.type !== undefined);
}

/** The table a change applies to. */
export interface TableName {
  schema: string;
  table: string;
}

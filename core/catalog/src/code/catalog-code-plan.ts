/**
 * One catalog file as the apply route receives it: its path inside the applied folder and its documents' kinds and entities.
 * @alpha
 */
export interface CatalogCodeFile {
  path: string;
  kinds?: unknown[];
  entities?: unknown[];
}

/** @alpha */
export interface CatalogCodeRequest {
  /** The applied folder's name: sources are `code:<root>/<path>`. */
  root: string;
  files: CatalogCodeFile[];
  /**
   * Whether `files` is the whole folder (then entities of files no longer there are deleted)
   * or only some files of it (then only those files' entities are compared).
   */
  complete: boolean;
  /** Delete even more than `maxDeleteShare` of what the files own. */
  allowLargeDelete?: boolean;
  /** Default 0.1, as for full syncs. */
  maxDeleteShare?: number;
}

/** @alpha */
export interface FieldChange {
  field: string;
  before?: unknown;
  after?: unknown;
}

/** @alpha */
export type PlanAction = 'create' | 'update' | 'unchanged' | 'delete' | 'refused';

/** @alpha */
export interface KindPlan {
  id: string;
  file: string;
  action: Exclude<PlanAction, 'delete'>;
  changes?: FieldChange[];
  detail?: string;
}

/** @alpha */
export interface EntityPlan {
  kind: string;
  id: string;
  /** The file the entity comes from (for a delete: the file it came from). */
  file: string;
  action: PlanAction;
  changes?: FieldChange[];
  detail?: string;
}

/**
 * What an apply does (dry run) or did: like `terraform plan`, per kind and entity.
 * @alpha
 */
export interface CatalogPlan {
  root: string;
  kinds: KindPlan[];
  entities: EntityPlan[];
  /** Deletions held back because they exceed maxDeleteShare of what the files own. */
  heldBack?: { count: number; owned: number; share: number; maxDeleteShare: number };
  counts: Record<PlanAction, number>;
  applied: boolean;
}

import type { StoreFlags } from './open-catalog-store';

/** What export, import (of an export), verify and migrate read from the command line. */
export interface TransferOptions extends StoreFlags {
  configPath: string;
  /** `-o`: the export folder. */
  out?: string;
  /** `--store`: the store of a one-store command. */
  store?: string;
  from?: string;
  to?: string;
  force?: boolean;
}

export type Print = (line: string) => void;

import { useCallback, useEffect, useRef, useState } from 'react';
import type { Entity, EntityQuery, QueryResult } from '@portico/plugin-api';
import { apiFetch } from '@portico/ui-api';
import { CATALOG_PAGE_SIZE } from './first-page';

export interface EntityPages {
  rows: Entity[];
  total: number;
  facets: Record<string, Record<string, number>>;
  loading: boolean;
  error: Error | undefined;
  hasMore: boolean;
  /** Fetches the next page (by cursor) unless one is already on its way. */
  loadMore(): void;
}


/**
 * A query's results, page by page through the server's cursor: a table over 100,000
 * entities holds only the pages the user scrolled to. A new query drops older answers.
 */
export function useEntityPages(query: EntityQuery | null): EntityPages {
  const [state, setState] = useState<Omit<EntityPages, 'loadMore' | 'hasMore'> & { cursor: string | null }>({ rows: [], total: 0, facets: {}, loading: false, error: undefined, cursor: null });
  const generation = useRef(0);
  const inFlight = useRef(false);
  const key = JSON.stringify(query);

  const fetchPage = useCallback(
    (cursor: string | null, reset: boolean) => {
      if (!query) return;
      const mine = generation.current;
      inFlight.current = true;
      setState((previous) => ({ ...previous, loading: true, error: undefined }));
      // Rows and facet counts are asked for apart: the rows (and the total) show first, and
      // the first page of an unfiltered table is the request index.html preloads.
      const { facets, ...rowsQuery } = query;
      if (reset && facets && facets.length > 0) {
        apiFetch<QueryResult<Entity>>('/entities/query', { method: 'POST', body: { ...rowsQuery, facets, limit: 1 } })
          .then((result) => {
            if (mine === generation.current) setState((previous) => ({ ...previous, facets: result.facets ?? {} }));
          })
          .catch(() => undefined); // the rows request reports errors; facets are a convenience
      }
      apiFetch<QueryResult<Entity>>('/entities/query', { method: 'POST', body: { ...rowsQuery, limit: CATALOG_PAGE_SIZE, ...(cursor ? { cursor } : {}) } })
        .then((result) => {
          if (mine !== generation.current) return;
          setState((previous) => ({
            rows: reset ? result.items : [...previous.rows, ...result.items],
            total: result.total,
            facets: previous.facets,
            loading: false,
            error: undefined,
            cursor: result.nextCursor,
          }));
        })
        .catch((error: Error) => {
          if (mine === generation.current) setState((previous) => ({ ...previous, loading: false, error }));
        })
        .finally(() => {
          if (mine === generation.current) inFlight.current = false;
        });
    },
    [key],
  );

  useEffect(() => {
    generation.current++;
    inFlight.current = false;
    setState({ rows: [], total: 0, facets: {}, loading: true, error: undefined, cursor: null });
    fetchPage(null, true);
  }, [fetchPage]);

  const loadMore = useCallback(() => {
    if (!inFlight.current && state.cursor) fetchPage(state.cursor, false);
  }, [fetchPage, state.cursor]);

  return { rows: state.rows, total: state.total, facets: state.facets, loading: state.loading, error: state.error, hasMore: state.cursor !== null, loadMore };
}

import { useCallback, useEffect, useRef, useState } from 'react';
import { apiFetch, type ApiFetchOptions } from './api-fetch';

/** @alpha */
export interface ApiState<T> {
  data: T | undefined;
  error: Error | undefined;
  loading: boolean;
  /** Fetch again, keeping the current data on screen until the answer arrives. */
  reload(): void;
}

/**
 * Fetches `path` (null: nothing yet) and refetches when it or `options.body` changes.
 * Answers to superseded requests are dropped, so fast typing never shows stale results.
 * @alpha
 */
export function useApi<T = unknown>(path: string | null, options: Omit<ApiFetchOptions, 'signal'> = {}): ApiState<T> {
  const [state, setState] = useState<{ data?: T; error?: Error; loading: boolean }>({ loading: path !== null });
  const [generation, setGeneration] = useState(0);
  const bodyKey = options.body === undefined ? '' : JSON.stringify(options.body);
  const optionsRef = useRef(options);
  optionsRef.current = options;

  useEffect(() => {
    if (path === null) {
      setState({ loading: false });
      return undefined;
    }
    const controller = new AbortController();
    setState((previous) => ({ data: previous.data, loading: true }));
    apiFetch<T>(path, { ...optionsRef.current, signal: controller.signal }).then(
      (data) => {
        if (!controller.signal.aborted) setState({ data, loading: false });
      },
      (error: Error) => {
        if (!controller.signal.aborted) setState({ error, loading: false });
      },
    );
    return () => controller.abort();
  }, [path, bodyKey, generation]);

  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}

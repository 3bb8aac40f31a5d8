import { useEffect, useRef } from 'react';

/** Events of `GET /api/v1/events` the shell listens to. */
export type PortalEventName = 'plugins' | 'catalog';

let source: EventSource | null = null;
const listeners = new Map<PortalEventName, Set<(data: unknown) => void>>();

function parse(event: MessageEvent): unknown {
  try {
    return JSON.parse(String(event.data));
  } catch {
    return undefined;
  }
}

/**
 * One EventSource per tab for every listener (a browser allows few connections per host); it
 * opens with the first listener, closes with the last, and reconnects by itself in between.
 */
function listen(name: PortalEventName, listener: (data: unknown) => void): () => void {
  if (typeof EventSource === 'undefined') return () => undefined;
  let set = listeners.get(name);
  if (!set) {
    listeners.set(name, (set = new Set()));
    source?.addEventListener(name, (event) => dispatch(name, event as MessageEvent));
  }
  if (!source) {
    source = new EventSource('/api/v1/events', { withCredentials: true });
    for (const known of listeners.keys()) source.addEventListener(known, (event) => dispatch(known, event as MessageEvent));
  }
  set.add(listener);
  return () => {
    set.delete(listener);
    if ([...listeners.values()].every((s) => s.size === 0)) {
      source?.close();
      source = null;
      listeners.clear();
    }
  };
}

function dispatch(name: PortalEventName, event: MessageEvent): void {
  const data = parse(event);
  for (const listener of listeners.get(name) ?? []) listener(data);
}

/** Calls `onEvent` with each `name` event's data while the component is mounted. */
export function usePortalEvent(name: PortalEventName, onEvent: (data: unknown) => void): void {
  const latest = useRef(onEvent);
  latest.current = onEvent;
  useEffect(() => listen(name, (data) => latest.current(data)), [name]);
}

import type { Run } from '@portico/plugin-api';

/** A run as it is recorded when requested: queued, nothing started or produced, no attempt yet. */
export function queuedRun(fields: Pick<Run, 'id' | 'actionId' | 'inputs' | 'entity' | 'actor' | 'createdAt'>): Run {
  return {
    ...fields,
    status: 'queued',
    startedAt: null,
    endedAt: null,
    outputs: {},
    links: [],
    affectedEntities: [],
    progress: null,
    error: null,
    attempts: 0,
    approvals: [],
  };
}

import type { JsonSchema } from '@portico/plugin-api';

// How KServe (serverless mode) reports an InferenceService's rollout, after its documented
// status (serving.kserve.io/v1beta1): each change of the predictor's model is a new revision;
// once it is ready, without `canaryTrafficPercent` it takes all traffic and becomes the
// rolled-out revision; with it, it gets that share beside the last rolled-out one. A revision
// that fails gets no traffic and the service reports Ready False.

/** Where an InferenceService's rollout stands, kept beside the object. */
export interface InferenceServiceRollout {
  /** Revision numbers: the latest created, the latest ready, the rolled-out one and the one before it. */
  created: number;
  ready: number | null;
  rolledOut: number | null;
  previousRolledOut: number | null;
  /** Reads of the object since the latest revision was created. */
  reads: number;
  outcome: 'Ready' | 'Failed';
  /** The predictor's model as it was when the latest revision was created. */
  model: string;
}

export const INFERENCE_SERVICE_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['metadata', 'spec'],
  properties: {
    metadata: { type: 'object', required: ['name'], properties: { name: { type: 'string', pattern: '^[a-z]([-a-z0-9]*[a-z0-9])?$', maxLength: 45 } } },
    spec: {
      type: 'object',
      required: ['predictor'],
      properties: {
        predictor: {
          type: 'object',
          properties: {
            canaryTrafficPercent: { type: 'integer', minimum: 0, maximum: 100 },
            model: { type: 'object', required: ['modelFormat'], properties: { modelFormat: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } }, storageUri: { type: 'string' } } },
          },
        },
      },
    },
  },
};

const modelOf = (spec: any): string => JSON.stringify(spec?.predictor?.model ?? {});

export function newRollout(spec: any, outcome: 'Ready' | 'Failed'): InferenceServiceRollout {
  return { created: 1, ready: null, rolledOut: null, previousRolledOut: null, reads: 0, outcome, model: modelOf(spec) };
}

/** After a patch: a changed model is a new revision; a changed percentage only re-splits. */
export function patchRollout(rollout: InferenceServiceRollout, spec: any, nextOutcome: () => 'Ready' | 'Failed'): void {
  if (modelOf(spec) !== rollout.model) Object.assign(rollout, { created: rollout.created + 1, reads: 0, outcome: nextOutcome(), model: modelOf(spec) });
  else if (spec?.predictor?.canaryTrafficPercent === undefined && rollout.ready === rollout.created && rollout.rolledOut !== rollout.created) promote(rollout);
}

function promote(rollout: InferenceServiceRollout): void {
  rollout.previousRolledOut = rollout.rolledOut;
  rollout.rolledOut = rollout.created;
}

/** Advances the rollout by one read and returns the status KServe would report. */
export function readInferenceService(object: { metadata: { name: string; namespace?: string; generation?: number }; spec?: any }, rollout: InferenceServiceRollout, readsBeforeReady: number): Record<string, unknown> {
  rollout.reads += 1;
  const revision = (n: number | null) => (n === null ? undefined : `${object.metadata.name}-predictor-${String(n).padStart(5, '0')}`);
  const settled = rollout.reads > readsBeforeReady;
  if (settled && rollout.outcome === 'Ready' && rollout.ready !== rollout.created) {
    rollout.ready = rollout.created;
    if (rollout.rolledOut === null || object.spec?.predictor?.canaryTrafficPercent === undefined) promote(rollout);
  }
  const failed = settled && rollout.outcome === 'Failed';
  const canary = object.spec?.predictor?.canaryTrafficPercent as number | undefined;
  const splitting = rollout.ready === rollout.created && rollout.rolledOut !== null && rollout.rolledOut !== rollout.created && canary !== undefined;
  const traffic = splitting
    ? [
        { revisionName: revision(rollout.rolledOut), percent: 100 - canary!, latestRevision: false },
        { revisionName: revision(rollout.created), percent: canary, latestRevision: true, tag: 'latest' },
      ]
    : rollout.rolledOut !== null
      ? [{ revisionName: revision(rollout.rolledOut), percent: 100, latestRevision: rollout.rolledOut === rollout.created }]
      : [];
  const isReady = rollout.ready === rollout.created;
  const url = `http://${object.metadata.name}.${object.metadata.namespace}.example.com`;
  const notReady = failed
    ? { reason: 'RevisionFailed', message: `Revision "${revision(rollout.created)}" failed with message: container "kserve-container" exited: could not load the model.` }
    : { reason: 'RevisionNotReady', message: `Revision "${revision(rollout.created)}" is not ready yet.` };
  const conditions = [
    { type: 'IngressReady', status: rollout.rolledOut !== null ? 'True' : 'False' },
    { type: 'PredictorReady', status: isReady ? 'True' : 'False', ...(isReady ? {} : notReady) },
    { type: 'Ready', status: isReady ? 'True' : 'False', ...(isReady ? {} : notReady) },
  ];
  return {
    observedGeneration: object.metadata.generation,
    url,
    address: { url: `http://${object.metadata.name}.${object.metadata.namespace}.svc.cluster.local` },
    conditions,
    components: { predictor: { latestCreatedRevision: revision(rollout.created), latestReadyRevision: revision(rollout.ready), latestRolledoutRevision: revision(rollout.rolledOut), previousRolledoutRevision: revision(rollout.previousRolledOut), traffic, url } },
  };
}

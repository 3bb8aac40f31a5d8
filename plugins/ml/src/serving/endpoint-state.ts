import type { EntityInput } from '@portico/plugin-api';
import type { ServingTarget } from '../config/ml-config';
import type { TrafficShare } from '../kinds/serving-endpoint-kind';
import type { InferenceServiceInfo } from '../kubernetes/ml-kubernetes-api';

/** What the portal records on the InferenceService, so any instance (and a human with kubectl) reads the same state. */
export const ANNOTATIONS = {
  model: 'portico.io/model',
  champion: 'portico.io/champion-version',
  challenger: 'portico.io/challenger-version',
  previous: 'portico.io/previous-version',
} as const;
export const MANAGED_BY = { 'app.kubernetes.io/managed-by': 'portico' };

/** The endpoint's model versions and traffic, read from its annotations and KServe's status. */
export interface EndpointState {
  model: string | null;
  champion: string | null;
  challenger: string | null;
  previous: string | null;
  traffic: TrafficShare[];
}

export function endpointState(isvc: InferenceServiceInfo): EndpointState {
  const a = isvc.annotations;
  const champion = a[ANNOTATIONS.champion] ?? null;
  const challenger = a[ANNOTATIONS.challenger] ?? null;
  let traffic: TrafficShare[] = [{ version: champion, role: 'champion', percent: 100 }];
  if (challenger) {
    // KServe reports the split per revision: the latest one is the challenger, the rolled-out one the champion.
    const latest = isvc.traffic.find((t) => t.latestRevision);
    const percent = latest && isvc.traffic.length > 1 ? latest.percent : (isvc.predictor.canaryTrafficPercent ?? 0);
    traffic = [
      { version: champion, role: 'champion', percent: 100 - percent },
      { version: challenger, role: 'challenger', percent },
    ];
  }
  return { model: a[ANNOTATIONS.model] ?? null, champion, challenger, previous: a[ANNOTATIONS.previous] ?? null, traffic };
}

/** The endpoint's entity id: `<environment>.<InferenceService name>`. */
export function endpointId(environment: string, name: string): string {
  return `${environment}.${name}`;
}

export function endpointEntity(target: ServingTarget, isvc: InferenceServiceInfo, options: { owner?: string; modelEntity?: string }): EntityInput {
  const state = endpointState(isvc);
  return {
    kind: 'ml-serving-endpoint',
    id: endpointId(target.environment, isvc.name),
    title: `${isvc.name} (${target.environment})`,
    ...(options.owner ? { owner: options.owner } : {}),
    properties: {
      environment: target.environment,
      cluster: target.cluster,
      namespace: target.namespace,
      name: isvc.name,
      model: state.model,
      championVersion: state.champion,
      challengerVersion: state.challenger,
      previousVersion: state.previous,
      versionsServed: [state.champion, state.challenger].filter((v): v is string => Boolean(v)),
      traffic: state.traffic,
      url: isvc.url,
      ready: isvc.ready,
      notReadyReason: isvc.notReadyReason,
    },
    relations: options.modelEntity ? { model: options.modelEntity } : {},
  };
}

import type { CatalogService, EntityInput, EntityProvider } from '@portico/plugin-api';
import type { CicdConfig } from '../config/cicd-config';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

interface SampleDeployment {
  service: string;
  environment: string;
  version: string;
  strategy: 'canary' | 'blue-green';
  ago: number;
  by: string;
}

// Two services across the three default environments, with history so revert has a target.
const SAMPLES: SampleDeployment[] = [
  { service: 'cart-service', environment: 'production', version: '2.3.0', strategy: 'blue-green', ago: 9 * DAY, by: 'alice' },
  { service: 'cart-service', environment: 'production', version: '2.4.0', strategy: 'canary', ago: 2 * DAY, by: 'bob' },
  { service: 'cart-service', environment: 'staging', version: '2.4.0', strategy: 'canary', ago: 3 * DAY, by: 'bob' },
  { service: 'cart-service', environment: 'staging', version: '2.5.0-rc.1', strategy: 'canary', ago: 5 * HOUR, by: 'bob' },
  { service: 'cart-service', environment: 'development', version: '2.5.0-rc.2', strategy: 'blue-green', ago: 1 * HOUR, by: 'alice' },
  { service: 'products-service', environment: 'production', version: '1.8.1', strategy: 'blue-green', ago: 6 * DAY, by: 'carol' },
  { service: 'products-service', environment: 'staging', version: '1.9.0', strategy: 'canary', ago: 1 * DAY, by: 'carol' },
  { service: 'products-service', environment: 'development', version: '1.9.1', strategy: 'blue-green', ago: 3 * HOUR, by: 'dave' },
];

const MARKER = { kind: 'deployment', id: 'cart-service.production.sample-1' };

export function sampleDeploymentEntities(now: number = Date.now()): EntityInput[] {
  const counters = new Map<string, number>();
  return [...SAMPLES]
    .sort((a, b) => b.ago - a.ago)
    .map((s) => {
      const key = `${s.service}.${s.environment}`;
      const n = (counters.get(key) ?? 0) + 1;
      counters.set(key, n);
      return {
        kind: 'deployment',
        id: `${key}.sample-${n}`,
        title: `${s.service} ${s.version} → ${s.environment}`,
        properties: { version: s.version, strategy: s.strategy, status: 'succeeded', deployedAt: new Date(now - s.ago).toISOString(), deployedBy: s.by, source: 'sample-data' },
        relations: { service: s.service, environment: s.environment },
      };
    });
}

export const sampleLock: EntityInput = {
  kind: 'deployment-lock',
  id: 'products-service.production',
  title: 'products-service in production locked',
  properties: { lockedBy: 'carol', reason: 'Price migration in progress; no deploys until it is verified', lockedAt: new Date(Date.UTC(2026, 0, 1)).toISOString() },
  relations: { service: 'products-service', environment: 'production' },
};

/**
 * Sample deployments for the example organisation, loaded once: after the first load,
 * users' unlocks and deploys are theirs to keep. Waits briefly for the software-catalog
 * plugin's sample components, which another provider loads in parallel.
 */
export function sampleDeploymentsProvider(deps: { config: CicdConfig; catalog: Pick<CatalogService, 'get'> }): EntityProvider {
  return {
    id: 'cicd.sample-data',
    async refresh(ctx) {
      if (await deps.catalog.get(MARKER)) return;
      for (let attempt = 0; ; attempt++) {
        // The environments belong to the environments provider (their owner), which runs in parallel.
        const needed = [{ kind: 'component', id: 'cart-service' }, { kind: 'component', id: 'products-service' }, ...deps.config.environments.map((env) => ({ kind: 'environment', id: env.id }))];
        const found = await Promise.all(needed.map((ref) => deps.catalog.get(ref)));
        if (found.every(Boolean)) break;
        if (attempt >= 50 || ctx.signal.aborted) {
          ctx.logger.warn('sample deployments skipped: the example organisation (software-catalog sampleData) or the configured environments are not loaded');
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      await ctx.apply({ upsert: [...sampleDeploymentEntities(), sampleLock] });
      ctx.logger.info('sample deployments loaded');
    },
  };
}

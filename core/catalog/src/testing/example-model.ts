import type { EntityInput, KindDefinition, LoggerService } from '@portico/plugin-api';

/** A logger that keeps quiet in tests but records warnings and errors for assertions. */
export function testLogger(): LoggerService & { lines: Array<{ level: string; message: string }> } {
  const lines: Array<{ level: string; message: string }> = [];
  const logger = {
    lines,
    debug: () => {},
    info: () => {},
    warn: (message: string) => void lines.push({ level: 'warn', message }),
    error: (message: string) => void lines.push({ level: 'error', message }),
    child: () => logger,
  };
  return logger;
}

/** The example organisation of DOMAIN.md: teams, an Order domain, Cart and Products systems, services and libraries. */
export const exampleKinds: KindDefinition[] = [
  { id: 'team', title: 'Team', schema: { type: 'object', properties: { slack: { type: 'string' } } } },
  { id: 'domain', title: 'Domain', schema: { type: 'object', properties: { tier: { type: 'string', enum: ['gold', 'silver'] } } } },
  {
    id: 'system',
    title: 'System',
    schema: { type: 'object', properties: {} },
    relations: { domain: { target: 'domain', required: true, title: 'Part of', inverse: 'systems' } },
    aggregation: {
      componentCount: { relation: 'components', func: 'count' },
      totalReplicas: { relation: 'components', func: 'sum', property: 'replicas' },
      productionCount: { relation: 'components', func: 'count', filter: { combinator: 'and', rules: [{ property: 'lifecycle', operator: '=', value: 'production' }] } },
      maxReplicas: { relation: 'component.system', func: 'max', property: 'replicas' },
    },
  },
  {
    id: 'component',
    title: 'Component',
    ownerKind: 'team',
    schema: {
      type: 'object',
      required: ['lifecycle'],
      properties: {
        lifecycle: { type: 'string', enum: ['production', 'experimental', 'deprecated'] },
        language: { type: 'string' },
        replicas: { type: 'integer', minimum: 0, default: 1 },
        tags: { type: 'array', items: { type: 'string' } },
        deployedAt: { type: 'string', format: 'date-time' },
        nextReview: { type: 'string', format: 'timer' },
        docs: { type: 'string', format: 'markdown' },
        url: { type: 'string', format: 'url' },
        public: { type: 'boolean' },
      },
    },
    relations: {
      system: { target: 'system', required: true, title: 'Part of', inverse: 'components', inverseTitle: 'Has components' },
      dependsOn: { target: 'component', many: true, title: 'Depends on', inverse: 'dependents' },
    },
    mirror: { domainTitle: { path: 'system.domain.$title' }, systemTitle: { path: 'system.$title' } },
    calculation: {
      capacity: { expression: 'properties.replicas * 2', type: 'number' },
      label: { expression: "title + ' (' + properties.lifecycle + ')'", type: 'string' },
      critical: { expression: "properties.replicas >= 3 && properties.lifecycle == 'production'", type: 'boolean' },
    },
  },
];

export const exampleEntities: EntityInput[] = [
  { kind: 'team', id: 't-cart', title: 'Cart team', properties: { slack: '#cart' }, relations: {} },
  { kind: 'team', id: 't-pay', title: 'Payments team', properties: { slack: '#pay' }, relations: {} },
  { kind: 'domain', id: 'orders', title: 'Order domain', properties: { tier: 'gold' }, relations: {} },
  { kind: 'system', id: 'cart', title: 'Cart system', relations: { domain: 'orders' } },
  { kind: 'system', id: 'products', title: 'Products system', relations: { domain: 'orders' } },
  {
    kind: 'component',
    id: 'cart-service',
    title: 'Cart service',
    description: 'Keeps shopping carts',
    owner: 't-cart',
    properties: { lifecycle: 'production', language: 'typescript', replicas: 3, tags: ['web', 'critical'], deployedAt: '2026-01-10T10:00:00Z', public: true, docs: '# Cart\nHandles checkout baskets' },
    relations: { system: 'cart', dependsOn: ['core-kafka'] },
  },
  {
    kind: 'component',
    id: 'products-service',
    title: 'Products service',
    description: 'Product catalogue API',
    owner: 't-pay',
    properties: { lifecycle: 'production', language: 'go', replicas: 2, tags: ['web'], deployedAt: '2026-02-01T00:00:00Z', public: false },
    relations: { system: 'products', dependsOn: ['core-kafka', 'core-payment'] },
  },
  {
    kind: 'component',
    id: 'core-kafka',
    title: 'Core Kafka',
    description: 'Shared Kafka client library',
    owner: 't-cart',
    properties: { lifecycle: 'experimental', language: 'java', tags: ['lib'], deployedAt: '2025-12-24T00:00:00Z' },
    relations: { system: 'cart' },
  },
  {
    kind: 'component',
    id: 'core-payment',
    title: 'Core Payment',
    owner: 't-pay',
    properties: { lifecycle: 'deprecated', language: 'java', replicas: 5, tags: ['lib', 'critical'] },
    relations: { system: 'products', dependsOn: ['core-kafka'] },
  },
];

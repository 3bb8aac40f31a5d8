import type { KindDefinition } from '@portico/plugin-api';

/**
 * A piece of software: a service, a website or a library (Backstage `Component`).
 * @public
 */
export const componentKind: KindDefinition = {
  id: 'component',
  title: 'Component',
  description: 'A piece of software such as a service, a website or a library.',
  icon: 'widgets',
  ownerKind: 'team',
  schema: {
    type: 'object',
    required: ['type', 'lifecycle'],
    properties: {
      type: { type: 'string', title: 'Type', enum: ['service', 'website', 'library'], default: 'service' },
      lifecycle: { type: 'string', title: 'Lifecycle', enum: ['experimental', 'production', 'deprecated'], default: 'production' },
      language: { type: 'string', title: 'Language' },
      // `owner/name` on GitHub: the CI/CD plugin and others find the repository here.
      repository: { type: 'string', title: 'Repository', pattern: '^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$' },
      docsUrl: { type: 'string', title: 'Documentation', format: 'url' },
    },
  },
  relations: {
    partOf: { target: 'system', title: 'Part of', inverse: 'hasPart', inverseTitle: 'Has part' },
    dependsOn: { target: 'component', many: true, title: 'Depends on', inverse: 'dependencyOf', inverseTitle: 'Dependency of' },
    // A relation has one target kind, so dependencies on resources get their own name.
    dependsOnResource: { target: 'resource', many: true, title: 'Depends on resource', inverse: 'dependencyOf', inverseTitle: 'Dependency of' },
    providesApi: { target: 'api', many: true, title: 'Provides API', inverse: 'apiProvidedBy', inverseTitle: 'Provided by' },
    consumesApi: { target: 'api', many: true, title: 'Consumes API', inverse: 'apiConsumedBy', inverseTitle: 'Consumed by' },
  },
  mirror: {
    domain: { title: 'Domain', path: 'partOf.partOf.$title' },
  },
};

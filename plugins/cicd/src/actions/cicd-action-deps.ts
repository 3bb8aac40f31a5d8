import { ValidationError, type ActionContext, type Entity } from '@portico/plugin-api';
import type { CicdConfig } from '../config/cicd-config';
import type { GitHubConnection } from '../github/github-connection';

/** What every CI/CD action handler needs besides its run context. */
export interface CicdActionDeps {
  config: CicdConfig;
  github: GitHubConnection;
}

/** The component the action runs on; these actions are all offered on Component pages. */
export function requireComponent(ctx: ActionContext<unknown>): Entity {
  if (!ctx.entity || ctx.entity.kind !== 'component') {
    throw new ValidationError('This action runs on a component: start it from a Component page or pass {"entity": {"kind": "component", "id": "..."}}.');
  }
  return ctx.entity;
}

/** The component's GitHub repository: its `repository` property, else the plugin config's mapping. */
export function repositoryOf(component: Entity, config: CicdConfig): string {
  const fromProperty = component.properties.repository;
  if (typeof fromProperty === 'string' && fromProperty.includes('/')) return fromProperty;
  const configured = config.repositories.find((r) => (r.component ?? r.repository.split('/')[1]) === component.id);
  if (configured) return configured.repository;
  throw new ValidationError(
    `Component ${component.id} has no GitHub repository: set its "repository" property (owner/name) or map it in the cicd plugin's "repositories" config.`,
  );
}

export function environmentIds(config: CicdConfig): string[] {
  return config.environments.map((e) => e.id);
}

import type { Redis } from 'ioredis';
import type { ApiRoute } from '@portico/http';
import type { Identity, LoggerService } from '@portico/plugin-api';
import { AuditLog } from './audit/audit-log';
import type { AuthConfig } from './config/auth-config';
import { ConfigTokenSource } from './identity/config-token-source';
import type { CredentialSource } from './identity/credential-source';
import { guestOf } from './identity/guest-of';
import { IdentityResolver } from './identity/identity-resolver';
import { resolveActor } from './identity/resolve-actor';
import { RunTokenSigner } from './identity/run-token-signer';
import { RunTokenSource, type RunLookup } from './identity/run-token-source';
import { RoleBook } from './roles/role-book';
import { auditRoutes } from './routes/audit-routes';
import { roleRoutes } from './routes/role-routes';
import { CatalogPeople, type PeopleCatalog } from './people/catalog-people';
import { SessionSource } from './sessions/session-source';
import { SessionStore } from './sessions/session-store';
import { signInRoutes } from './sessions/sign-in-routes';
import { tokenRoutes } from './routes/token-routes';
import { EmbeddedStateStore } from './state/embedded-state-store';
import { RedisStateStore } from './state/redis-state-store';
import type { StateStore } from './state/state-store';
import { ApiTokenBook } from './tokens/api-token-book';
import { ApiTokenSource } from './tokens/api-token-source';
import { currentOwner } from './tokens/current-owner';

/** @public */
export interface CreateAuthOptions {
  config: AuthConfig;
  /** The portal's Redis connection; without it state lives in `dataDir`. */
  redis?: Redis;
  keyPrefix?: string;
  dataDir?: string;
  logger: LoggerService;
  /** The catalog, once the kernel has it: sign-in reads User entities and their teams from it. */
  catalog?: () => PeopleCatalog | undefined;
  /** `portal.publicUrl`: the base of the sign-in callback URL (default: each request's origin). */
  publicUrl?: string;
  /** The runs, once the kernel has the action runner: a callback token works only while its run is open. */
  runs?: RunLookup;
}

/**
 * Everything that decides who a caller is and what they hold, for the kernel to compose.
 * @public
 */
export interface PortalAuth {
  state: StateStore;
  roleBook: RoleBook;
  /** API tokens; a sign-in calls `apiTokens.noteOwnerTeams(id, teams)` so a person's tokens follow their team changes. */
  apiTokens: ApiTokenBook;
  /** The tamper-evident audit log: `audit.record(event)` for what happens outside an HTTP request (sign-ins, runs, plugin installs). */
  audit: AuditLog;
  /** The guest identity, when the config enables one. */
  guest: Identity | null;
  /** Issues per-run callback tokens (`prt_…`) that the run-token credential source accepts. */
  runTokens: RunTokenSigner;
  /** An identity by id with its current roles (an automation's creator when it fires), or null when it no longer exists. */
  resolveActor(id: string): Promise<Identity | null>;
  /** Who a request is; `req` adds credentials beyond the header (a session cookie). */
  authenticate(authorization: string | undefined, req?: import('express').Request): Promise<Identity | null>;
  /** API routes: roles and assignments (and, as they land, sign-in, tokens and the audit log). */
  routes(): ApiRoute[];
  close(): Promise<void>;
}

/** @public */
export async function createAuth(options: CreateAuthOptions): Promise<PortalAuth> {
  const state: StateStore = options.redis ? new RedisStateStore(options.redis, options.keyPrefix ?? 'portico:') : new EmbeddedStateStore({ dataDir: options.dataDir });
  const roleBook = new RoleBook({ roles: options.config.roles, assignments: options.config.assignments, defaultRoles: options.config.defaultRoles, store: state });
  const guest = guestOf(options.config.guest, roleBook);
  const configTokens = new ConfigTokenSource(options.config.tokens ?? [], roleBook);
  const apiTokens = new ApiTokenBook({ store: state, maxDays: options.config.apiTokens?.maxDays });
  const apiTokenSource = new ApiTokenSource(apiTokens, (record) => currentOwner(record, { configTokens, roleBook, book: apiTokens }));
  const sources: CredentialSource[] = [configTokens, apiTokenSource];
  const sessions = new SessionStore(state, (options.config.session?.ttlHours ?? 8) * 60 * 60 * 1000);
  const people = new CatalogPeople(options.catalog ?? (() => undefined));
  const sessionSource = new SessionSource(sessions, roleBook, people);
  sources.push(sessionSource);
  const runTokens = await RunTokenSigner.open(state);
  sources.push(new RunTokenSource(runTokens, options.runs ?? { statusOf: async () => null }));
  const resolver = new IdentityResolver(sources, guest);
  const audit = new AuditLog({ state, logger: options.logger, retentionDays: options.config.audit?.retentionDays });
  const signInApi = signInRoutes({ config: options.config, publicUrl: options.publicUrl, state, logger: options.logger, sessions, sessionSource, people, guest, resolver, audit, apiTokens });
  return {
    state,
    roleBook,
    apiTokens,
    audit,
    guest,
    runTokens,
    resolveActor: (id) => resolveActor(id, { configTokens, apiTokens: apiTokenSource, roleBook, teamsOf: (userId) => people.teamsOf(userId), guest }),
    authenticate: (authorization, req) => resolver.authenticate(authorization, req),
    routes: () => [...roleRoutes(roleBook), ...tokenRoutes(apiTokens), ...auditRoutes(audit), ...signInApi],
    close: async () => {
      await audit.flush();
      await state.close();
    },
  };
}

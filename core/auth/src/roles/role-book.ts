import { ConflictError, NotFoundError, ValidationError } from '@portico/plugin-api';
import type { StateStore } from '../state/state-store';
import { BUILT_IN_ROLES, type RoleDefinition } from './built-in-roles';
import { isRoleSubject, type RoleAssignment } from './role-assignment';

/** @public */
export interface RoleBookOptions {
  /** Roles added to, or redefining, the built-in ones. */
  roles?: Record<string, RoleDefinition>;
  /** Assignments from the config (read-only at run time). */
  assignments?: Array<{ subject: string; roles: string[] }>;
  /** Roles every signed-in person holds. */
  defaultRoles?: string[];
  store: StateStore;
}

const KEY = 'role-assignment:';
/** How long this instance reuses the API-made assignments it read: every authenticated request asks for them. */
const ASSIGNMENTS_FRESH_MS = 1000;

/**
 * Which roles an identity holds and what they grant: the config's assignments, the ones
 * made through the API (kept in the state store, so every instance agrees), the default
 * roles of people, each matched by user, by each team, or by token name.
 * @public
 */
export class RoleBook {
  readonly roles: Readonly<Record<string, RoleDefinition>>;
  private readonly configAssignments: RoleAssignment[];
  private readonly defaultRoles: string[];
  private readonly store: StateStore;
  private fromApi: { at: number; assignments: Promise<RoleAssignment[]> } | null = null;

  constructor(options: RoleBookOptions) {
    this.roles = Object.freeze({ ...BUILT_IN_ROLES, ...(options.roles ?? {}) });
    this.store = options.store;
    this.defaultRoles = options.defaultRoles ?? ['developer'];
    this.configAssignments = (options.assignments ?? []).map((a) => ({ subject: a.subject, roles: a.roles, source: 'config' as const }));
    for (const [where, roles] of [['auth.defaultRoles', this.defaultRoles], ...this.configAssignments.map((a) => [`auth.assignments (${a.subject})`, a.roles] as const)] as const) {
      for (const role of roles) if (!this.roles[role]) throw new ValidationError(`${where} names the role "${role}", which is not defined: use one of ${Object.keys(this.roles).join(', ')} or define it under auth.roles.`);
    }
  }

  /** Roles held by a subject with these ids (`user:alice` plus `team:platform`...), defaults first. */
  async rolesOf(subject: { id: string; kind: string; teams: string[] }): Promise<string[]> {
    const subjects = new Set([subject.id, ...subject.teams.map((t) => (t.startsWith('team:') ? t : `team:${t}`))]);
    const held = new Set(subject.kind === 'user' ? this.defaultRoles : []);
    for (const assignment of await this.assignments()) if (subjects.has(assignment.subject)) for (const role of assignment.roles) held.add(role);
    return [...held].filter((role) => this.roles[role]);
  }

  /** The permissions these roles grant, without repeats. */
  permissionsOf(roles: string[]): string[] {
    return [...new Set(roles.flatMap((role) => this.roles[role]?.permissions ?? []))];
  }

  async assignments(): Promise<RoleAssignment[]> {
    // Another instance's change is seen within a second; this instance's own at once (assign drops the copy).
    if (!this.fromApi || Date.now() - this.fromApi.at > ASSIGNMENTS_FRESH_MS) this.fromApi = { at: Date.now(), assignments: this.readApiAssignments() };
    const fromApi = this.fromApi.assignments;
    fromApi.catch(() => (this.fromApi = null));
    return [...this.configAssignments, ...(await fromApi)];
  }

  private async readApiAssignments(): Promise<RoleAssignment[]> {
    const fromApi: RoleAssignment[] = [];
    for (const key of await this.store.keys(KEY)) {
      const raw = await this.store.get(key);
      if (raw) fromApi.push({ subject: key.slice(KEY.length), roles: JSON.parse(raw) as string[], source: 'api' });
    }
    return fromApi;
  }

  /** Sets the API-made roles of one subject (an empty list removes them). */
  async assign(subject: string, roles: string[]): Promise<RoleAssignment> {
    if (!isRoleSubject(subject)) throw new ValidationError(`"${subject}" is not a subject: use user:<id>, team:<id> or token:<name>.`, [{ pointer: '/subject', message: 'must be user:<id>, team:<id> or token:<name>' }]);
    const unknown = roles.filter((role) => !this.roles[role]);
    if (unknown.length) throw new ValidationError(`Unknown role${unknown.length > 1 ? 's' : ''} ${unknown.map((r) => `"${r}"`).join(', ')}: use ${Object.keys(this.roles).join(', ')}.`, [{ pointer: '/roles', message: 'names an unknown role' }]);
    if (this.configAssignments.some((a) => a.subject === subject) && roles.length === 0) {
      throw new ConflictError(`${subject}'s roles from portico.config.yaml (auth.assignments) cannot be removed here; change the config.`);
    }
    if (roles.length === 0) await this.store.delete(KEY + subject);
    else await this.store.set(KEY + subject, JSON.stringify([...new Set(roles)]));
    this.fromApi = null;
    return { subject, roles, source: 'api' };
  }

  async unassign(subject: string): Promise<void> {
    if ((await this.store.get(KEY + subject)) === null) throw new NotFoundError(`${subject} has no roles assigned through the API.`);
    await this.store.delete(KEY + subject);
    this.fromApi = null;
  }
}

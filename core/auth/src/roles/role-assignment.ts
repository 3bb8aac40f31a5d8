/**
 * Roles given to one user (`user:alice`), team (`team:platform`) or machine token (`token:ci`).
 * @public
 */
export interface RoleAssignment {
  subject: string;
  roles: string[];
  /** `config` assignments are read-only; `api` ones are changed on the Admin page or API. */
  source: 'config' | 'api';
}

const SUBJECT = /^(user|team|token):[A-Za-z0-9._@-]+$/;

export function isRoleSubject(subject: string): boolean {
  return SUBJECT.test(subject);
}

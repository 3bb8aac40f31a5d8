import { defineRoute, type ApiRoute } from '@portico/http';
import { PERMISSIONS } from '@portico/plugin-api';
import type { RoleBook } from '../roles/role-book';

const TAGS = ['access'];
const assignmentSchema = {
  type: 'object',
  required: ['subject', 'roles', 'source'],
  properties: { subject: { type: 'string' }, roles: { type: 'array', items: { type: 'string' } }, source: { enum: ['config', 'api'] } },
};

/** Roles and who holds them: read and changed by admins. */
export function roleRoutes(roleBook: RoleBook): ApiRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/access/roles',
      operationId: 'listRoles',
      summary: 'The roles and the permissions each grants',
      tags: TAGS,
      access: { signedIn: 'Anyone may see what each role grants' },
      responses: { '200': { description: 'The roles', schema: { type: 'object', properties: { items: { type: 'array', items: { type: 'object' } } } } } },
      handler: () => ({ body: { items: Object.entries(roleBook.roles).map(([id, role]) => ({ id, ...role })) } }),
    }),
    defineRoute({
      method: 'get',
      path: '/access/assignments',
      operationId: 'listRoleAssignments',
      summary: 'Who holds which roles (from the config and from this API)',
      tags: TAGS,
      access: { permission: PERMISSIONS.admin },
      responses: { '200': { description: 'The assignments', schema: { type: 'object', properties: { items: { type: 'array', items: assignmentSchema } } } } },
      handler: async () => ({ body: { items: await roleBook.assignments() } }),
    }),
    defineRoute<{ roles: string[] }>({
      method: 'put',
      path: '/access/assignments/{subject}',
      operationId: 'putRoleAssignment',
      summary: 'Give a user, team or token these roles (replacing the ones given through this API)',
      tags: TAGS,
      access: { permission: PERMISSIONS.admin },
      body: { type: 'object', required: ['roles'], additionalProperties: false, properties: { roles: { type: 'array', maxItems: 50, items: { type: 'string', maxLength: 100 } } } },
      responses: { '200': { description: 'The assignment', schema: assignmentSchema }, '409': { description: 'Roles from the config cannot be removed here' } },
      handler: async ({ params, body, audit }) => {
        const before = (await roleBook.assignments()).find((a) => a.subject === params.subject && a.source === 'api') ?? null;
        const after = await roleBook.assign(params.subject, body.roles);
        audit({ target: params.subject, before, after });
        return { body: after };
      },
    }),
    defineRoute({
      method: 'delete',
      path: '/access/assignments/{subject}',
      operationId: 'deleteRoleAssignment',
      summary: 'Remove the roles given to a subject through this API',
      tags: TAGS,
      access: { permission: PERMISSIONS.admin },
      responses: { '204': { description: 'Removed' }, '404': { description: 'No roles given through the API' } },
      handler: async ({ params, audit }) => {
        audit({ target: params.subject, before: (await roleBook.assignments()).find((a) => a.subject === params.subject && a.source === 'api') ?? null, after: null });
        await roleBook.unassign(params.subject);
        return { status: 204 };
      },
    }),
  ];
}

import { defineRoute, type ApiRoute } from '@portico/http';
import { ConflictError, ForbiddenError, NotFoundError, dashboardDataRequests, type Dashboard, type DashboardDataRequest, type DashboardWidget, type Identity } from '@portico/plugin-api';
import { mayEditDashboard, mayViewDashboard, ownersOf } from './dashboard-access';
import type { DashboardBook } from './dashboard-book';
import { checkDashboardWidgets, type WidgetCheckContext } from './check-dashboard-widgets';
import { DASHBOARD_INPUT_SCHEMA, DASHBOARD_SCHEMA } from './dashboard-schema';

const TAGS = ['dashboards'];

interface DashboardInput {
  title: string;
  owner?: string;
  widgets: DashboardWidget[];
  version?: number;
}

const view = (dashboard: Dashboard, identity: Identity): Dashboard & { editable: boolean; dataRequests: DashboardDataRequest[] } => ({
  ...dashboard,
  editable: mayEditDashboard(identity, dashboard.owner),
  dataRequests: dashboardDataRequests(dashboard.widgets),
});

function refuseEdit(identity: Identity, owner: string, doing: string): ForbiddenError {
  const why = owner.startsWith('team:')
    ? `only members of ${owner} (and admins) may, and ${identity.id} is not in it`
    : `only ${owner} (and admins) may${identity.isGuest ? ', and the guest owns no dashboards: sign in' : ''}`;
  return new ForbiddenError(`${doing} a dashboard of ${owner}: ${why}. Save it as your own (owner user:<you>) or for a team you are in.`, { owner, identity: identity.id });
}

/** Dashboards: each person's and each team's, viewed by anyone who may read the catalog (a shared URL). */
export function dashboardRoutes(book: DashboardBook, context: WidgetCheckContext): ApiRoute[] {
  /** A dashboard the caller may open, or a 404 that does not tell a hidden one from a missing one. */
  const viewable = async (id: string, identity: Identity): Promise<Dashboard> => {
    const dashboard = await book.get(id);
    if (!dashboard || !mayViewDashboard(identity, dashboard.owner)) throw new NotFoundError(`There is no dashboard ${id} you may open: check the URL, or ask its owner to share it again.`);
    return dashboard;
  };
  const idParam = { '404': { description: 'No such dashboard, or not one you may open' } };
  return [
    defineRoute({
      method: 'get',
      path: '/dashboards',
      operationId: 'listDashboards',
      summary: 'Your dashboards and your teams\', by title, and which one Home shows you',
      tags: TAGS,
      access: { signedIn: 'Everyone lists their own and their teams\' dashboards' },
      responses: { '200': { description: 'The dashboards', schema: { type: 'object', required: ['items', 'homeId'], properties: { items: { type: 'array', items: DASHBOARD_SCHEMA }, homeId: { type: ['string', 'null'] } } } } },
      handler: async ({ identity }) => {
        const [items, homeId] = await Promise.all([book.listOf(ownersOf(identity)), book.defaultOf(identity.id)]);
        return { body: { items: items.map((d) => view(d, identity)), homeId } };
      },
    }),
    defineRoute<DashboardInput>({
      method: 'post',
      path: '/dashboards',
      operationId: 'createDashboard',
      summary: 'Save a new dashboard, yours or a team\'s',
      tags: TAGS,
      access: { signedIn: 'People save their own dashboards, and dashboards of teams they are in; admins any' },
      body: DASHBOARD_INPUT_SCHEMA,
      responses: { '201': { description: 'Saved', schema: DASHBOARD_SCHEMA }, '403': { description: 'Not an owner you may save for' } },
      handler: async ({ identity, body, audit }) => {
        const owner = body.owner ?? identity.id;
        if (!mayEditDashboard(identity, owner)) throw refuseEdit(identity, owner, 'Saving');
        await checkDashboardWidgets(body.widgets, context);
        const dashboard = await book.create({ title: body.title, owner, widgets: body.widgets }, identity.id);
        audit({ target: `dashboard:${dashboard.id}`, before: null, after: dashboard });
        return { status: 201, headers: { location: `/api/v1/dashboards/${dashboard.id}` }, body: view(dashboard, identity) };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/dashboards/home',
      operationId: 'getHomeDashboard',
      summary: 'The dashboard Home shows you, or null for the built-in Home',
      tags: TAGS,
      access: { signedIn: 'Everyone reads their own choice' },
      responses: { '200': { description: 'Your Home dashboard', schema: { type: 'object', required: ['dashboard'], properties: { dashboard: { anyOf: [DASHBOARD_SCHEMA, { type: 'null' }] } } } } },
      handler: async ({ identity }) => {
        const id = await book.defaultOf(identity.id);
        const dashboard = id ? await book.get(id) : null;
        // A deleted or no longer visible dashboard falls back to the built-in Home.
        return { body: { dashboard: dashboard && mayViewDashboard(identity, dashboard.owner) ? view(dashboard, identity) : null } };
      },
    }),
    defineRoute<{ id: string | null }>({
      method: 'put',
      path: '/dashboards/home',
      operationId: 'setHomeDashboard',
      summary: 'Choose the dashboard Home shows you (null: the built-in Home)',
      tags: TAGS,
      access: { signedIn: 'Everyone chooses their own Home' },
      body: { type: 'object', required: ['id'], additionalProperties: false, properties: { id: { type: ['string', 'null'], pattern: '^dsh_[0-9a-f]{16}$', description: 'A dashboard you may open' } } },
      responses: { '200': { description: 'Chosen', schema: { type: 'object', properties: { id: { type: ['string', 'null'] } } } }, '404': { description: 'No such dashboard you may open' } },
      handler: async ({ identity, body }) => {
        if (body.id !== null) await viewable(body.id, identity);
        await book.setDefault(identity.id, body.id);
        return { body: { id: body.id } };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/dashboards/{id}',
      operationId: 'getDashboard',
      summary: 'One dashboard: what its URL shares',
      tags: TAGS,
      access: { signedIn: 'Its owner, its team\'s members, and anyone who may read the catalog (widgets show only what the viewer may read)' },
      responses: { '200': { description: 'The dashboard', schema: DASHBOARD_SCHEMA }, ...idParam },
      handler: async ({ identity, params }) => ({ body: view(await viewable(params.id, identity), identity) }),
    }),
    defineRoute<DashboardInput>({
      method: 'put',
      path: '/dashboards/{id}',
      operationId: 'replaceDashboard',
      summary: 'Save a dashboard over its stored version (send `version` to refuse overwriting a newer save)',
      tags: TAGS,
      access: { signedIn: 'Its owner, members of its team, admins; moving it to another owner needs the right to save for that owner too' },
      body: DASHBOARD_INPUT_SCHEMA,
      responses: { '200': { description: 'Saved', schema: DASHBOARD_SCHEMA }, '403': { description: 'Not yours to change' }, '409': { description: 'Someone saved a newer version' }, ...idParam },
      handler: async ({ identity, params, body, audit }) => {
        const before = await viewable(params.id, identity);
        if (!mayEditDashboard(identity, before.owner)) throw refuseEdit(identity, before.owner, 'Changing');
        const owner = body.owner ?? before.owner;
        if (owner !== before.owner && !mayEditDashboard(identity, owner)) throw refuseEdit(identity, owner, 'Moving it to');
        if (body.version !== undefined && body.version !== before.version) {
          throw new ConflictError(`Dashboard ${before.id} is at version ${before.version}, saved by ${before.updatedBy} at ${before.updatedAt}, and you edited version ${body.version}: reload it, redo your change, and save again.`, { version: before.version });
        }
        await checkDashboardWidgets(body.widgets, context);
        const after = await book.replace(before, { title: body.title, owner, widgets: body.widgets }, identity.id);
        audit({ target: `dashboard:${after.id}`, before, after });
        return { body: view(after, identity) };
      },
    }),
    defineRoute({
      method: 'delete',
      path: '/dashboards/{id}',
      operationId: 'deleteDashboard',
      summary: 'Delete a dashboard',
      tags: TAGS,
      access: { signedIn: 'Its owner, members of its team, admins' },
      responses: { '204': { description: 'Deleted' }, '403': { description: 'Not yours to delete' }, ...idParam },
      handler: async ({ identity, params, audit }) => {
        const before = await viewable(params.id, identity);
        if (!mayEditDashboard(identity, before.owner)) throw refuseEdit(identity, before.owner, 'Deleting');
        await book.delete(before);
        audit({ target: `dashboard:${before.id}`, before, after: null });
        return { status: 204 };
      },
    }),
  ];
}

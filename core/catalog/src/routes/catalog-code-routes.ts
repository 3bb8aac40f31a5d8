import { PERMISSIONS, ValidationError, scopedPermission, type JsonSchema } from '@portico/plugin-api';
import { authorize, defineRoute, type ApiRoute } from '@portico/http';
import type { PorticoCatalog } from '../catalog/portico-catalog';

const MAX_FILES = 2000;
const MAX_ITEMS = 10_000;

const requestSchema: JsonSchema = {
  type: 'object',
  required: ['root', 'files'],
  additionalProperties: false,
  properties: {
    root: { type: 'string', maxLength: 100, description: 'The applied folder\'s name: entities are owned by `code:<root>/<path>`' },
    files: {
      type: 'array',
      maxItems: MAX_FILES,
      items: {
        type: 'object',
        required: ['path'],
        additionalProperties: false,
        properties: { path: { type: 'string', maxLength: 500 }, kinds: { type: 'array', maxItems: 500, items: { type: 'object' } }, entities: { type: 'array', maxItems: MAX_ITEMS, items: { type: 'object' } } },
      },
    },
    complete: { type: 'boolean', description: 'The files are the whole folder: entities of files no longer there are deleted too (default true)' },
    dryRun: { type: 'boolean', description: 'Only return the plan (default false)' },
    allowLargeDelete: { type: 'boolean' },
    maxDeleteShare: { type: 'number', minimum: 0, maximum: 1 },
  },
};

/** Catalog as code over HTTP: what `portico catalog apply` sends. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function catalogCodeRoutes(catalog: PorticoCatalog): ApiRoute<any>[] {
  return [
    defineRoute({
      method: 'post',
      path: '/catalog/apply',
      operationId: 'applyCatalogCode',
      summary: 'Make the catalog match a folder of catalog files (kinds and entities); dryRun returns the plan only',
      tags: ['catalog'],
      access: { permission: PERMISSIONS.entityWrite },
      body: requestSchema,
      responses: { '200': { description: 'The plan (applied unless dryRun): per kind and entity create, update with field changes, unchanged, delete or refused', schema: { type: 'object', properties: { root: { type: 'string' }, kinds: { type: 'array' }, entities: { type: 'array' }, counts: { type: 'object' }, heldBack: { type: 'object' }, applied: { type: 'boolean' } } } } },
      handler: async ({ body, identity, audit }) => {
        const files = body.files as Array<{ path: string; kinds?: unknown[]; entities?: unknown[] }>;
        if (files.reduce((n, f) => n + (f.entities?.length ?? 0), 0) > MAX_ITEMS) throw new ValidationError(`At most ${MAX_ITEMS} entities can be applied at once: apply the folder in parts (one sub-folder at a time).`, [{ pointer: '/files', message: `more than ${MAX_ITEMS} entities` }]);
        const dryRun = body.dryRun === true;
        const doing = `Applying catalog files of ${body.root}`;
        // Every kind the files define or write entities of, and deleting, need their own permissions.
        for (const file of files) {
          for (const kind of file.kinds ?? []) authorize(identity, scopedPermission(PERMISSIONS.kindWrite, String((kind as { id?: unknown }).id)), doing);
          for (const entity of file.entities ?? []) authorize(identity, scopedPermission(PERMISSIONS.entityWrite, String((entity as { kind?: unknown }).kind)), doing);
        }
        const request = { root: body.root, files, complete: body.complete !== false, allowLargeDelete: body.allowLargeDelete, maxDeleteShare: body.maxDeleteShare };
        const plan = await catalog.applyCatalogCode(request, { actor: identity.id, dryRun: true });
        for (const entry of plan.entities) if (entry.action === 'delete') authorize(identity, scopedPermission(PERMISSIONS.entityDelete, entry.kind), doing);
        if (dryRun) return { body: plan };
        audit({ target: `catalog-code:${body.root}`, note: { counts: plan.counts, files: files.length } });
        return { body: await catalog.applyCatalogCode(request, { actor: identity.id, dryRun: false }) };
      },
    }),
  ];
}

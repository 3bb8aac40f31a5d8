import { ValidationError, type Entity, type FieldProblem, type KindDefinition } from '@portico/plugin-api';
import { deleteInRounds, DEFAULT_MAX_DELETE_SHARE } from '../catalog/full-sync';
import type { PorticoCatalog } from '../catalog/portico-catalog';
import { indexKeys } from '../index/index-keys';
import { fromRef, toRef } from '../model/ids';
import type { CatalogCodeRequest, CatalogPlan, EntityPlan, KindPlan } from './catalog-code-plan';
import { codeRootOf, codeSource } from './code-source';
import { entityChanges, kindChanges } from './entity-changes';

const ROOT_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

function isObject(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

function checkRequest(request: CatalogCodeRequest): void {
  const problems: FieldProblem[] = [];
  if (typeof request.root !== 'string' || !ROOT_PATTERN.test(request.root)) problems.push({ pointer: '/root', message: `must be a folder name matching ${ROOT_PATTERN.source}` });
  const seen = new Set<string>();
  request.files.forEach((file, i) => {
    if (typeof file.path !== 'string' || !file.path || file.path.startsWith('/') || file.path.split('/').some((part) => part === '..' || part === '')) problems.push({ pointer: `/files/${i}/path`, message: 'must be a relative path inside the folder (no "..", no leading "/")' });
    else if (seen.has(file.path)) problems.push({ pointer: `/files/${i}/path`, message: `"${file.path}" is listed twice` });
    seen.add(file.path);
  });
  if (problems.length) throw new ValidationError(`The catalog files are invalid: ${problems[0].pointer} ${problems[0].message}.`, problems);
}

function bare(kind: KindDefinition): KindDefinition {
  const { relations: _r, mirror: _m, aggregation: _a, ...rest } = kind;
  void [_r, _m, _a];
  return rest;
}

/**
 * Catalog as code: makes the catalog match a folder of catalog files. Kinds are created or
 * changed (never deleted: entities outside the folder may use them); each entity is owned by
 * its file (`code:<root>/<path>`), and what the folder's files owned that is gone is deleted,
 * with the full-sync guard against deleting a large share at once. A dry run returns the plan
 * and changes nothing; an apply carries out the same plan and returns it with the outcome.
 */
export async function applyCatalogCode(catalog: PorticoCatalog, request: CatalogCodeRequest, options: { actor: string; dryRun: boolean }): Promise<CatalogPlan> {
  checkRequest(request);
  const { root } = request;
  const plan: CatalogPlan = { root, kinds: [], entities: [], counts: { create: 0, update: 0, unchanged: 0, delete: 0, refused: 0 }, applied: false };

  // Kinds
  const wantedKinds: Array<{ kind: KindDefinition; plan: KindPlan }> = [];
  const codeKindIds = new Set(request.files.flatMap((f) => (f.kinds ?? []).map((k) => (isObject(k) ? k.id : undefined)).filter((id): id is string => typeof id === 'string')));
  for (const file of request.files) {
    for (const [index, kind] of (file.kinds ?? []).entries()) {
      const id = isObject(kind) && typeof kind.id === 'string' ? kind.id : `#${index}`;
      const refuse = (detail: string): void => void plan.kinds.push({ id, file: file.path, action: 'refused', detail });
      if (wantedKinds.some((w) => w.kind.id === id)) {
        refuse(`kind "${id}" is also defined in ${wantedKinds.find((w) => w.kind.id === id)!.plan.file}`);
        continue;
      }
      try {
        catalog.checkKind(kind, codeKindIds);
      } catch (error) {
        refuse((error as Error).message);
        continue;
      }
      const existing = await catalog.getKind(kind.id);
      const source = catalog.kindSource(kind.id);
      if (existing && source !== 'api') {
        refuse(`kind "${kind.id}" is defined by plugin "${source}"; it cannot be defined in a catalog file too`);
        continue;
      }
      const changes = kindChanges(existing, kind);
      const entry: KindPlan = { id: kind.id, file: file.path, action: !existing ? 'create' : changes.length ? 'update' : 'unchanged', ...(existing && changes.length ? { changes } : {}) };
      if (entry.action === 'update') {
        // The portal's own change report; a relation to a kind this apply creates is checked above instead.
        const report = await catalog.updateKind(kind.id, structuredClone(kind), { dryRun: true }).catch((error: Error) => (/which does not exist/.test(error.message) ? null : Promise.reject(error)));
        if (report?.breakingCount) {
          refuse(`changing kind "${kind.id}" would make ${report.breakingCount} existing entities invalid (for example ${report.breaking[0]?.id}); fix them first`);
          continue;
        }
      }
      plan.kinds.push(entry);
      wantedKinds.push({ kind, plan: entry });
    }
  }
  const plannedKinds = wantedKinds.filter((w) => w.plan.action !== 'unchanged').map((w) => w.kind);

  // Entities
  const inputs: Array<{ input: Record<string, unknown>; file: string; source: string; plan: EntityPlan }> = [];
  const refs = new Map<string, string>();
  for (const file of request.files) {
    for (const [index, input] of (file.entities ?? []).entries()) {
      const kind = isObject(input) && typeof input.kind === 'string' ? input.kind : '?';
      const id = isObject(input) && typeof input.id === 'string' ? input.id : `#${index}`;
      const entry: EntityPlan = { kind, id, file: file.path, action: 'create' };
      plan.entities.push(entry);
      if (!isObject(input) || kind === '?' || id.startsWith('#')) Object.assign(entry, { action: 'refused', detail: 'an entity needs a kind and an id' });
      else if (refs.has(toRef(kind, id))) Object.assign(entry, { action: 'refused', detail: `${kind}/${id} is also defined in ${refs.get(toRef(kind, id))}` });
      else {
        refs.set(toRef(kind, id), file.path);
        inputs.push({ input, file: file.path, source: codeSource(root, file.path), plan: entry });
      }
    }
  }
  const requestSources = new Set(request.files.map((f) => codeSource(root, f.path)));
  const adopt = (owner: string): boolean => codeRootOf(owner) === `code:${root}` && (request.complete || requestSources.has(owner));
  const invalid = await catalog.checkMany(inputs.map((i) => i.input), plannedKinds);
  const befores = await catalog.store.getMany(inputs.map((i) => toRef(i.input.kind as string, i.input.id as string)));
  const kindsById = new Map([...(await catalog.listKinds()).map((k) => [k.id, k] as const), ...plannedKinds.map((k) => [k.id, k] as const)]);
  inputs.forEach((item, i) => {
    const before: Entity | null = befores[i];
    const error = invalid.get(i);
    if (error) Object.assign(item.plan, { action: 'refused', detail: error.detail.replace(/\/\d+\//, '/') });
    else if (before?.meta.source && before.meta.source !== item.source && !adopt(before.meta.source)) Object.assign(item.plan, { action: 'refused', detail: `${item.plan.kind}/${item.plan.id} belongs to ${before.meta.source}; remove it there first, or delete it so that this file can take it` });
    else {
      const changes = entityChanges(kindsById.get(item.plan.kind) ?? null, before, item.input, item.source);
      item.plan.action = !before ? 'create' : changes.length ? 'update' : 'unchanged';
      if (before && changes.length) item.plan.changes = changes;
    }
  });

  // Deletes: what the applied files owned that they no longer hold.
  const ownedKeys = request.complete ? [indexKeys.codeRoot(`code:${root}`)] : [...requestSources].map((s) => indexKeys.source(s));
  const owned = [...new Set((await catalog.store.members(ownedKeys)).flat())];
  const gone = owned.filter((ref) => !refs.has(ref));
  const goneEntities = await catalog.store.getMany(gone);
  const sourceOfGone = new Map(gone.map((ref, i) => [ref, goneEntities[i]?.meta.source ?? '']));
  const maxDeleteShare = request.maxDeleteShare ?? DEFAULT_MAX_DELETE_SHARE;
  const share = owned.length ? gone.length / owned.length : 0;
  const holdBack = gone.length > 0 && share > maxDeleteShare && !request.allowLargeDelete;
  if (holdBack) plan.heldBack = { count: gone.length, owned: owned.length, share, maxDeleteShare };
  const deletes = new Map<string, EntityPlan>();
  for (const ref of gone) {
    const file = (sourceOfGone.get(ref) ?? '').slice(`code:${root}/`.length);
    const entry: EntityPlan = { ...fromRef(ref), file, action: holdBack ? 'refused' : 'delete', ...(holdBack ? { detail: `deletion held back: ${gone.length} of the ${owned.length} entities these files own would go (more than ${Math.round(maxDeleteShare * 100)} %); apply with the override (--allow-large-delete) if that is meant` } : {}) };
    plan.entities.push(entry);
    deletes.set(ref, entry);
  }

  if (!options.dryRun) {
    for (const { kind, plan: entry } of wantedKinds) {
      if (entry.action !== 'create') continue;
      try {
        await catalog.createKind(bare(structuredClone(kind)));
      } catch (error) {
        Object.assign(entry, { action: 'refused', detail: (error as Error).message });
      }
    }
    for (const { kind, plan: entry } of wantedKinds) {
      if (entry.action === 'refused' || entry.action === 'unchanged') continue;
      try {
        await catalog.updateKind(kind.id, structuredClone(kind));
      } catch (error) {
        Object.assign(entry, { action: 'refused', detail: (error as Error).message });
      }
    }
    const writing = inputs.filter((i) => i.plan.action === 'create' || i.plan.action === 'update');
    const results = await catalog.upsertMany(
      writing.map((w) => w.input),
      { actor: options.actor, sourceOf: (index) => writing[index].source, adopt },
    );
    results.forEach((result, i) => {
      if (result.status === 'error') Object.assign(writing[i].plan, { action: 'refused', detail: result.error!.detail });
    });
    if (!holdBack && gone.length) {
      const outcome = { deleted: [] as Array<{ kind: string; id: string }>, notDeleted: [] as Array<{ ref: { kind: string; id: string }; detail: string }> };
      await deleteInRounds(catalog, gone, outcome, { actor: options.actor, sourceOf: (ref) => sourceOfGone.get(ref)! });
      for (const { ref, detail } of outcome.notDeleted) Object.assign(deletes.get(toRef(ref.kind, ref.id))!, { action: 'refused', detail });
    }
    plan.applied = true;
  }
  for (const entry of [...plan.kinds, ...plan.entities]) plan.counts[entry.action] += 1;
  return plan;
}

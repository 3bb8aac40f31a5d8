import { SchemaValidator } from '@portico/http';
import { getPluginInternals } from '@portico/plugin-api/internal';
import type { EntityProvider, KindDefinition, WidgetDefinition } from '@portico/plugin-api';
import packageJson from '../package.json';
import { softwareKinds } from './kinds';
import { exampleOrganisation } from './sample-data/example-organisation';
import plugin from './index';

function initWith(config: Record<string, unknown>): { kinds: KindDefinition[]; widgets: WidgetDefinition[]; providers: EntityProvider[] } {
  const recorded = { kinds: [] as KindDefinition[], widgets: [] as WidgetDefinition[], providers: [] as EntityProvider[] };
  const internals = getPluginInternals(plugin)!;
  internals.init({
    kinds: { addKind: (k: KindDefinition) => (recorded.kinds.push(k), () => undefined) },
    widgets: { addWidget: (w: WidgetDefinition) => (recorded.widgets.push(w), () => undefined) },
    providers: { addProvider: (p: EntityProvider) => (recorded.providers.push(p), () => undefined) },
    config: { get: () => config, getOptional: (path: string) => config[path] },
  });
  return recorded;
}

describe('software-catalog plugin', () => {
  it('registers exactly what its manifest declares', () => {
    const { kinds, widgets } = initWith({});
    expect(kinds.map((k) => k.id).sort()).toEqual([...packageJson.portico.kinds].sort());
    expect(widgets.map((w) => w.id).sort()).toEqual([...packageJson.portico.widgets].sort());
    expect(packageJson.portico.id).toBe(plugin.id);
  });

  it('loads sample data only when asked', async () => {
    expect(initWith({}).providers).toHaveLength(0);
    const [provider] = initWith({ sampleData: true }).providers;
    const applied: unknown[] = [];
    await provider.refresh({
      logger: { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined, child: () => { throw new Error('unused'); } },
      signal: new AbortController().signal,
      apply: async (mutation) => void applied.push(mutation),
    });
    expect(applied).toEqual([{ upsert: exampleOrganisation }]);
  });

  it('declares Backstage-compatible relations with their inverses', () => {
    const pairs = new Set<string>();
    for (const kind of softwareKinds) {
      for (const [name, relation] of Object.entries(kind.relations ?? {})) {
        expect(softwareKinds.map((k) => k.id)).toContain(relation.target);
        pairs.add(`${name.replace(/Resource$/, '')}/${relation.inverse}`);
      }
    }
    expect([...pairs].sort()).toEqual(
      ['childOf/parentOf', 'consumesApi/apiConsumedBy', 'dependsOn/dependencyOf', 'memberOf/hasMember', 'partOf/hasPart', 'providesApi/apiProvidedBy'].sort(),
    );
  });

  it('ships an example organisation that is valid and fully connected', () => {
    const validator = new SchemaValidator();
    const byKind = new Map(softwareKinds.map((k) => [k.id, k]));
    const ids = new Set(exampleOrganisation.map((e) => `${e.kind}:${e.id}`));
    for (const entity of exampleOrganisation) {
      const kind = byKind.get(entity.kind)!;
      expect(kind).toBeDefined();
      expect(entity.id).toMatch(/^[a-z0-9][a-z0-9._-]*$/);
      const validate = validator.compile(kind.schema);
      expect({ id: entity.id, valid: validate(entity.properties ?? {}), errors: validate.errors }).toMatchObject({ valid: true });
      if (kind.ownerKind) expect(ids.has(`${kind.ownerKind}:${entity.owner}`)).toBe(true);
      for (const [name, value] of Object.entries(entity.relations ?? {})) {
        const relation = kind.relations?.[name];
        expect({ entity: entity.id, name, declared: relation !== undefined }).toEqual({ entity: entity.id, name, declared: true });
        const targets = value === null ? [] : Array.isArray(value) ? value : [value];
        expect(Array.isArray(value)).toBe(relation!.many === true);
        for (const target of targets) expect(ids.has(`${relation!.target}:${target}`)).toBe(true);
      }
    }
    const titles = exampleOrganisation.map((e) => e.title);
    for (const expected of ['Order', 'Cart', 'Products', 'Cart service', 'Products service', 'Cart API', 'Cart database', 'Core Kafka', 'Core Payment']) {
      expect(titles).toContain(expected);
    }
    expect(exampleOrganisation.filter((e) => e.kind === 'team')).toHaveLength(2);
  });
});

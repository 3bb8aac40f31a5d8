import { join } from 'node:path';
import { SchemaValidator } from '@portico/http';
import { startTestPortal, type TestPortal } from '@portico/test-utils';
import packageJson from '../package.json';
import { softwareKinds } from './kinds';
import { exampleOrganisation } from './sample-data/example-organisation';
import plugin from './index';

const pluginDir = join(__dirname, '..');

/** The plugin loaded by a real portal on the embedded store, as a portal's config would load it. */
async function portalWith(config: Record<string, unknown>): Promise<TestPortal> {
  return startTestPortal({ plugins: [{ path: pluginDir, config }], users: { reader: { roles: ['viewer'] } } });
}

function contributions(portal: TestPortal) {
  return portal.portal.plugins.find((p) => p.id === 'software-catalog')!.contributions;
}

describe('software-catalog plugin', () => {
  it('registers exactly what its manifest declares', async () => {
    const portal = await portalWith({});
    try {
      expect(contributions(portal).kinds.sort()).toEqual([...packageJson.portico.kinds].sort());
      expect(contributions(portal).widgets.map((w) => w.id).sort()).toEqual([...packageJson.portico.widgets].sort());
      expect(packageJson.portico.id).toBe(plugin.id);
    } finally {
      await portal.close();
    }
  });

  it('loads sample data only when asked', async () => {
    const without = await portalWith({});
    try {
      expect(contributions(without).providers).toEqual([]);
      expect(await without.query({ limit: 10 }, 'reader')).toEqual([]);
    } finally {
      await without.close();
    }
    const withSamples = await portalWith({ sampleData: true });
    try {
      const last = exampleOrganisation[exampleOrganisation.length - 1];
      await withSamples.waitForEntity(last.kind, last.id, { as: 'reader' });
      const loaded = await withSamples.query({ limit: 200 }, 'reader');
      expect(loaded.map((e) => `${e.kind}:${e.id}`).sort()).toEqual(exampleOrganisation.map((e) => `${e.kind}:${e.id}`).sort());
    } finally {
      await withSamples.close();
    }
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

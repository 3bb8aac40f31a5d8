import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importPortExport, parsePortExport } from './import-port-export';
import { formatPortImportReport } from './port-import-report';

const fixture = JSON.parse(readFileSync(join(__dirname, '__fixtures__', 'acme-port-export.json'), 'utf8'));

describe('importPortExport', () => {
  const { kinds, entities, shown, report } = importPortExport(fixture);
  const kind = (id: string) => kinds.find((k) => k.id === id)!;

  it('makes a kind per blueprint, relation targets first', () => {
    expect(kinds.map((k) => k.id)).toEqual(['domain', 'system', 'microservice', 'deployment']);
    expect(report.errors).toEqual([]);
  });

  it('keeps property schemas and their formats, and notes what it drops', () => {
    const props = kind('microservice').schema.properties!;
    expect(props.dashboard).toEqual({ type: 'string', format: 'url', title: 'Dashboard' });
    expect(props.onCall).toMatchObject({ format: 'user' });
    expect(props.readme).toMatchObject({ format: 'markdown' });
    expect(props.helmValues).toEqual({ type: 'string', title: 'Helm values' });
    expect(props.commit_sha).toEqual({ type: 'string', title: 'Deployed commit' });
    expect(kind('system').schema).toMatchObject({ required: ['tier'], properties: { tier: { enum: ['1', '2', '3'] } } });
    expect(kind('system').schema.properties!.tier).not.toHaveProperty('enumColors');
    expect(report.notes).toEqual(
      expect.arrayContaining([
        { blueprint: 'microservice', at: 'schema.properties.helmValues', message: 'format "yaml" is not one Portico knows: kept as a plain string' },
        { blueprint: 'microservice', at: 'schema.properties.commit-sha', message: 'renamed to "commit_sha" (Portico names are letters, digits and _)' },
      ]),
    );
  });

  it('maps relations with many and required, and mirror, calculation and aggregation properties', () => {
    expect(kind('microservice').relations).toEqual({ system: { target: 'system', title: 'System', required: true }, dependsOn: { target: 'microservice', title: 'Depends on', many: true } });
    expect(kind('microservice').mirror).toEqual({ domainName: { title: 'Domain', path: 'system.domain.$title' }, systemTier: { title: 'System tier', path: 'system.tier' }, systemId: { title: 'System id', path: 'system.$id' } });
    expect(kind('microservice').calculation?.memoryGb).toEqual({ title: 'Memory (GB)', expression: 'properties.memoryMb / 1024', type: 'number' });
    expect(kind('microservice').aggregation).toEqual({
      deploymentCount: { title: 'Deployments', relation: 'deployment.service', func: 'count' },
      successfulDeployments: { title: 'Successful deployments', relation: 'deployment.service', func: 'count', filter: { combinator: 'and', rules: [{ property: 'status', operator: '=', value: 'success' }] } },
      avgDurationSec: { title: 'Average deploy time', relation: 'deployment.service', func: 'avg', property: 'durationSec' },
      maxDurationSec: { title: 'Slowest deploy', relation: 'deployment.service', func: 'max', property: 'durationSec' },
    });
    expect(kind('domain').aggregation).toEqual({ systemCount: { title: 'Systems', relation: 'system.domain', func: 'count' } });
  });

  it('reports every computed property it cannot express, with the reason', () => {
    const lines = report.unmapped.map((p) => `${p.blueprint} ${p.at}: ${p.message}`);
    expect(lines).toEqual([
      'domain aggregationProperties.serviceCount: left out: microservice is not directly related to domain (Portico aggregates over one direct relation)',
      'microservice mirrorProperties.domainCreated: left out: its path ends at the meta-property "$createdAt" is not kept by the import',
      'microservice calculationProperties.tagCount: left out: "|" at character 18 (pipes) has no counterpart in Portico expressions',
      'microservice calculationProperties.critical: left out: it reads systemTier, computed in Port too; Portico calculations read stored properties only',
      'microservice aggregationProperties.medianDurationSec: left out: its function "median" has no counterpart (Portico has count, sum, average, min and max)',
      'microservice aggregationProperties.deploysPerWeek: left out: it averages entities per week, which needs creation times Portico does not aggregate over',
    ]);
  });

  it('maps entities, keeps Port teams, and sets aside the computed values Port shows', () => {
    expect(report.entities).toEqual({ domain: 2, system: 3, microservice: 4, deployment: 6 });
    const cart = entities.find((e) => e.id === 'cart')!;
    expect(cart).toMatchObject({ kind: 'microservice', title: 'Cart', relations: { system: 'shop', dependsOn: ['checkout'] }, properties: { memoryMb: 2048, commit_sha: '4f2a9c1', team: ['Storefront'] } });
    expect(cart.properties).not.toHaveProperty('memoryGb');
    expect(entities.find((e) => e.id === 'payment-gateway')!.properties!.team).toEqual(['Payments']);
    expect(entities.find((e) => e.id === 'commerce')!.properties).not.toHaveProperty('team');
    expect(shown.find((s) => s.id === 'cart')!.computed).toMatchObject({ memoryGb: 2, deploymentCount: 3, domainName: 'Commerce' });
    expect(kind('domain').schema.properties).not.toHaveProperty('team');
  });

  it('maps identifiers by the documented rule and reports collisions and strays, without throwing', () => {
    const result = importPortExport({
      blueprints: [{ identifier: 'Micro_Service', schema: { properties: { '9lives': { type: 'number' } } }, relations: { calls: { target: 'Micro_Service', many: true } } }, { identifier: 'micro-service' }, { title: 'no id' }],
      entities: [
        { identifier: 'Cart/Main', blueprint: 'Micro_Service', properties: { '9lives': 1 } },
        { identifier: 'cart-main', blueprint: 'Micro_Service' },
        { identifier: 'x', blueprint: 'ghost' },
        { identifier: 'y', blueprint: 'Micro_Service', relations: { nope: 'z', calls: ['Cart/Main', 'ghost-1'] } },
      ],
    });
    expect(result.kinds.map((k) => k.id)).toEqual(['micro-service']);
    expect(result.entities.map((e) => `${e.kind}/${e.id}`)).toEqual(['micro-service/cart-main', 'micro-service/y']);
    expect(result.entities[0].properties).toEqual({ _9lives: 1 });
    expect(formatPortImportReport(result.report)).toEqual([
      'Read 1 blueprint(s) as kinds: micro-service (from Micro_Service)',
      'Entities per kind: micro-service 2',
      'Kept in another form (1):',
      '  Micro_Service schema.properties.9lives: renamed to "_9lives" (Portico names are letters, digits and _)',
      'Errors (6):',
      '  micro-service: becomes kind "micro-service", as blueprint Micro_Service does: left out',
      '  blueprints[2]: has no identifier',
      '  Micro_Service entity cart-main: becomes micro-service/cart-main, as entity Cart/Main does: left out',
      '  ghost entity x: its blueprint is not in the export (or was left out)',
      '  Micro_Service entity y: relation "nope" is not a relation of kind micro-service: left out',
      '  Micro_Service entity y: relation "calls" names micro-service "ghost-1", not in the export: left out',
    ]);
    expect(result.entities[1].relations).toEqual({ calls: ['cart-main'] });
  });

  it('reports a file that is not a Port export', () => {
    expect(parsePortExport('{"blueprints": [', 'export.json').report.errors[0].message).toMatch(/^is not JSON: /);
    expect(parsePortExport('[]', 'export.json').report.errors).toEqual([{ blueprint: 'export.json', message: expect.stringContaining('must be an object with "blueprints" and "entities" arrays') }]);
  });
});

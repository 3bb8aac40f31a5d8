import { intersectPermissions } from './intersect-permissions';

describe('intersectPermissions', () => {
  it('keeps scopes the owner holds, narrows wider scopes to the owner\'s grants, and drops the rest', () => {
    expect(intersectPermissions(['actions.run', 'admin'], ['actions.run', 'runs.read'])).toEqual(['actions.run']);
    expect(intersectPermissions(['cicd.*'], ['cicd.deploy', 'actions.run'])).toEqual(['cicd.deploy']);
    expect(intersectPermissions(['cicd.deploy'], ['cicd.*'])).toEqual(['cicd.deploy']);
    expect(intersectPermissions(['*'], ['catalog.entity.read', 'cicd.*'])).toEqual(['catalog.entity.read', 'cicd.*']);
    expect(intersectPermissions(['catalog.entity.write:component'], ['catalog.entity.write'])).toEqual(['catalog.entity.write:component']);
    expect(intersectPermissions(['catalog.entity.write'], ['catalog.entity.write:component'])).toEqual(['catalog.entity.write:component']);
    expect(intersectPermissions(['catalog.entity.write:api'], ['catalog.entity.write:component'])).toEqual([]);
    expect(intersectPermissions(['admin'], [])).toEqual([]);
  });
});

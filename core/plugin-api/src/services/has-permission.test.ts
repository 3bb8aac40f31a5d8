import { hasPermission } from './has-permission';

describe('hasPermission', () => {
  it('grants by exact name, by family and by *', () => {
    expect(hasPermission({ permissions: ['cicd.deploy'] }, 'cicd.deploy')).toBe(true);
    expect(hasPermission({ permissions: ['cicd.*'] }, 'cicd.deploy')).toBe(true);
    expect(hasPermission({ permissions: ['*'] }, 'anything.at.all')).toBe(true);
  });

  it('refuses what is not granted, including look-alike families', () => {
    expect(hasPermission({ permissions: ['cicd.deploy'] }, 'cicd.revert')).toBe(false);
    expect(hasPermission({ permissions: ['cicd.*'] }, 'cicdx.deploy')).toBe(false);
    expect(hasPermission({ permissions: ['cicd.*'] }, 'cicd')).toBe(false);
    expect(hasPermission({}, 'cicd.deploy')).toBe(false);
  });

  it('grants a scoped permission by its scope, its unscoped name or a family, and no other scope', () => {
    expect(hasPermission({ permissions: ['catalog.entity.write:component'] }, 'catalog.entity.write:component')).toBe(true);
    expect(hasPermission({ permissions: ['catalog.entity.write'] }, 'catalog.entity.write:component')).toBe(true);
    expect(hasPermission({ permissions: ['catalog.*'] }, 'catalog.entity.write:component')).toBe(true);
    expect(hasPermission({ permissions: ['catalog.entity.write:api'] }, 'catalog.entity.write:component')).toBe(false);
    expect(hasPermission({ permissions: ['catalog.entity.write:component'] }, 'catalog.entity.write')).toBe(false);
    expect(hasPermission({ permissions: ['catalog.entity.write:component'] }, 'catalog.entity.delete:component')).toBe(false);
  });

  it('needs nothing for an action without a permission', () => {
    expect(hasPermission({}, undefined)).toBe(true);
  });
});

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

  it('needs nothing for an action without a permission', () => {
    expect(hasPermission({}, undefined)).toBe(true);
  });
});

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { interpolateEnv, loadConfigFile, validateConfig } from './portico-config';

describe('portico.config.yaml', () => {
  it('loads a valid file and resolves relative to its folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'portico-config-'));
    writeFileSync(join(dir, 'portico.config.yaml'), 'plugins:\n  - package: "@portico/plugin-cicd"\n    config: { sampleData: true }\n');
    const loaded = await loadConfigFile(join(dir, 'portico.config.yaml'));
    expect(loaded.baseDir).toBe(dir);
    expect(loaded.config.plugins[0]).toEqual({ package: '@portico/plugin-cicd', config: { sampleData: true } });
  });

  it('names the bad entry and the fix', () => {
    expect(() => validateConfig({ plugins: [{ pakage: 'x' }] }, 'portico.config.yaml')).toThrow(/portico.config.yaml is invalid: \/plugins\/0\/pakage is not an allowed property/);
    expect(() => validateConfig({}, 'portico.config.yaml')).toThrow(/\/plugins is required/);
    expect(() => validateConfig({ plugins: [{ config: {} }] }, 'portico.config.yaml')).toThrow('/plugins/0 needs exactly one of "package" (an npm package name) or "path" (a local folder).');
  });

  it('says when the file is missing or not YAML', async () => {
    await expect(loadConfigFile('/nonexistent/portico.config.yaml')).rejects.toThrow(/Cannot read the config file .*: create it/);
    const dir = mkdtempSync(join(tmpdir(), 'portico-config-'));
    writeFileSync(join(dir, 'bad.yaml'), 'plugins: [\n');
    await expect(loadConfigFile(join(dir, 'bad.yaml'))).rejects.toThrow(/is not valid YAML/);
  });

  it('reads ${VAR} from the environment', () => {
    expect(interpolateEnv('token-${A_B}', { A_B: 'x' })).toBe('token-x');
    expect(interpolateEnv('${MISSING}', {})).toBe('');
  });
});

import { resolvePort } from './resolve-port';

describe('resolvePort', () => {
  it('takes --port over PORT, PORT over the config', () => {
    expect(resolvePort('8080', '9090')).toEqual({ port: 8080 });
    expect(resolvePort(undefined, '9090')).toEqual({ port: 9090 });
    expect(resolvePort(undefined, undefined)).toEqual({});
    expect(resolvePort(undefined, '')).toEqual({});
  });

  it('names the source of a bad value', () => {
    expect(resolvePort('http', undefined).error).toBe('--port must be a number from 0 to 65535 (got "http").');
    expect(resolvePort(undefined, '70000').error).toBe('The PORT environment variable must be a number from 0 to 65535 (got "70000").');
    expect(resolvePort('-1', '80').error).toMatch(/^--port must be/);
  });
});

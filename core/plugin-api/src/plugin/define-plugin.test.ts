import { definePlugin, PLUGIN_API_VERSION } from './define-plugin';
import { getPluginInternals } from '../internal';
import { coreServices } from '../services';
import { coreExtensionPoints } from '../extension-points';
import { createServiceRef } from '../refs';

describe('definePlugin', () => {
  it('returns an opaque, readable object whose definition only the kernel reads', () => {
    const init = jest.fn();
    const plugin = definePlugin({ id: 'demo', deps: { logger: coreServices.logger, kinds: coreExtensionPoints.kinds }, init });
    expect(String(plugin)).toBe('plugin{demo}');
    expect(plugin.apiVersion).toBe(PLUGIN_API_VERSION);
    expect(Object.keys(plugin)).not.toContain('init');
    const internals = getPluginInternals(plugin);
    expect(internals?.deps.logger).toBe(coreServices.logger);
    expect(internals?.init).toBe(init);
    expect(Object.isFrozen(plugin)).toBe(true);
  });

  it('rejects invalid ids and dependencies with a message that says how to fix them', () => {
    expect(() => definePlugin({ id: 'Bad Id', deps: {}, init() {} })).toThrow(
      /Invalid plugin id "Bad Id": use lowercase letters/,
    );
    expect(() => definePlugin({ id: 'ok', deps: { x: {} as never }, init() {} })).toThrow(
      'plugin{ok}: dependency "x" is not a service ref or extension point',
    );
  });

  it('names refs readably', () => {
    expect(String(createServiceRef({ id: 'my.service' }))).toBe('serviceRef{my.service}');
    expect(String(coreExtensionPoints.actions)).toBe('extensionPoint{core.actions}');
    expect(getPluginInternals({})).toBeUndefined();
  });
});

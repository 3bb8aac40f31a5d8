import { version as packageVersion } from '../../package.json';
import type { ExtensionPoint } from '../refs/extension-point';
import type { ServiceRef } from '../refs/service-ref';
import { validateId } from '../refs/validate-id';
import type { JsonSchema } from '../model/json-schema';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyRef = ServiceRef<any> | ExtensionPoint<any>;
type DepsOf<D extends Record<string, AnyRef>> = { [K in keyof D]: D[K]['T'] };

/**
 * An extension point this plugin provides, with the factory that creates its implementation.
 * @public
 */
export interface ProvidedExtensionPoint<T> {
  ref: ExtensionPoint<T>;
  /** Called once before `init`; the returned object is what contributors receive. */
  create(): T;
}

/** @public */
export function provideExtensionPoint<T>(ref: ExtensionPoint<T>, create: () => T): ProvidedExtensionPoint<T> {
  return { ref, create };
}

/** @public */
export interface PluginOptions<D extends Record<string, AnyRef>> {
  id: string;
  /** JSON Schema of the plugin's section in `portico.config.yaml`. */
  configSchema?: JsonSchema;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  extensionPoints?: ProvidedExtensionPoint<any>[];
  deps: D;
  init(deps: DepsOf<D>): void | Promise<void>;
}

/**
 * The opaque object a plugin package exports (as its default export or `plugin`).
 * @public
 */
export interface PorticoPlugin {
  readonly $$type: 'portico.plugin';
  readonly id: string;
  /** The plugin-api version the plugin was built against. */
  readonly apiVersion: string;
  toString(): string;
}

/**
 * What the kernel reads from a plugin; not part of the author-facing surface.
 * @internal
 */
export interface PluginInternals {
  id: string;
  configSchema?: JsonSchema;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  extensionPoints: ProvidedExtensionPoint<any>[];
  deps: Record<string, AnyRef>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  init(deps: any): void | Promise<void>;
}

/**
 * Internals live under a registry symbol, not in a module-local WeakMap, so a kernel can
 * read a plugin built against another copy of this package and then judge its version.
 */
const INTERNALS = Symbol.for('portico.plugin.internals');

/**
 * The version of this package, which plugins record as the API they were built against.
 * @public
 */
export const PLUGIN_API_VERSION: string = packageVersion;

/** @public */
export function definePlugin<D extends Record<string, AnyRef>>(options: PluginOptions<D>): PorticoPlugin {
  const id = validateId('plugin', options.id);
  if (typeof options.init !== 'function') {
    throw new TypeError(`plugin{${id}}: init must be a function`);
  }
  for (const [name, ref] of Object.entries(options.deps ?? {})) {
    if (!ref || (ref.$$type !== 'portico.service-ref' && ref.$$type !== 'portico.extension-point')) {
      throw new TypeError(`plugin{${id}}: dependency "${name}" is not a service ref or extension point`);
    }
  }
  const definition: PluginInternals = {
    id,
    configSchema: options.configSchema,
    extensionPoints: options.extensionPoints ?? [],
    deps: options.deps ?? {},
    init: options.init as PluginInternals['init'],
  };
  const plugin = {
    $$type: 'portico.plugin' as const,
    id,
    apiVersion: PLUGIN_API_VERSION,
    toString: () => `plugin{${id}}`,
  };
  Object.defineProperty(plugin, INTERNALS, { value: definition, enumerable: false });
  return Object.freeze(plugin);
}

/**
 * For the kernel only (exported from `@portico/plugin-api/internal`).
 * @internal
 */
export function getPluginInternals(plugin: unknown): PluginInternals | undefined {
  if (!plugin || typeof plugin !== 'object') return undefined;
  return (plugin as Record<symbol, PluginInternals | undefined>)[INTERNALS];
}

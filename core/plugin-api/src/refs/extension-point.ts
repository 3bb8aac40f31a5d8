import { validateId } from './validate-id';

/**
 * A typed handle to an extension point: a registry one party provides and others
 * contribute to. Kernel extension points are provided by the kernel; a plugin may
 * provide its own for other plugins to extend.
 * @public
 */
export interface ExtensionPoint<T> {
  readonly $$type: 'portico.extension-point';
  readonly id: string;
  readonly T: T;
  toString(): string;
}

/** @public */
export function createExtensionPoint<T>(options: { id: string }): ExtensionPoint<T> {
  const id = validateId('extension point', options.id);
  return Object.freeze({
    $$type: 'portico.extension-point' as const,
    id,
    get T(): T {
      throw new Error(`extensionPoint{${id}}.T is a type-only field`);
    },
    toString: () => `extensionPoint{${id}}`,
  });
}

import { validateId } from './validate-id';

/**
 * A typed handle to a service. The kernel binds an implementation to it; plugins
 * declare it as a dependency and receive the implementation in `init`.
 * @public
 */
export interface ServiceRef<T> {
  readonly $$type: 'portico.service-ref';
  readonly id: string;
  /** Phantom field carrying the service type; never set at runtime. */
  readonly T: T;
  toString(): string;
}

/** @public */
export function createServiceRef<T>(options: { id: string }): ServiceRef<T> {
  const id = validateId('service', options.id);
  return Object.freeze({
    $$type: 'portico.service-ref' as const,
    id,
    get T(): T {
      throw new Error(`serviceRef{${id}}.T is a type-only field`);
    },
    toString: () => `serviceRef{${id}}`,
  });
}

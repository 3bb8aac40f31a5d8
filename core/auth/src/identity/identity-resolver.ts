import type { Request } from 'express';
import type { Identity } from '@portico/plugin-api';
import type { CredentialSource } from './credential-source';

/**
 * Turns a request into an identity by asking each credential source in turn; the first
 * that recognises the credential decides. A request with no credential is the guest
 * where the config enables one, and refused (null, a 401) otherwise. A bearer token no
 * source recognises is refused even when a guest exists, so a typo never passes as guest.
 * @public
 */
export class IdentityResolver {
  constructor(
    private readonly sources: CredentialSource[],
    private readonly guest: Identity | null,
  ) {}

  async authenticate(authorization: string | undefined, req?: Request): Promise<Identity | null> {
    let bearer: string | undefined;
    if (authorization !== undefined) {
      const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization.trim());
      if (!match) return null;
      bearer = match[1];
    }
    for (const source of this.sources) {
      const identity = await source.resolve({ bearer, req });
      if (identity !== undefined) return identity;
    }
    return bearer === undefined ? this.guest : null;
  }
}

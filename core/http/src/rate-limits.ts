import type { Request, RequestHandler } from 'express';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { PorticoError, UnauthorizedError, type Identity } from '@portico/plugin-api';

/**
 * At most `requests` in any window of `seconds`.
 * @public
 */
export interface RateLimitRule {
  requests: number;
  seconds: number;
}

/** @public */
export interface RateLimitOptions {
  /** Requests to `/api/v1` per client address. Off unless set. */
  perAddress?: RateLimitRule | false;
  /** Requests per identity (the guest is counted per address). Off unless set. */
  perIdentity?: RateLimitRule | false;
  /** Failed authentications per address; default 50 per 5 minutes, `false` turns it off. */
  failedAuth?: RateLimitRule | false;
  /** An ioredis client: the counts are shared by every instance. Without one, each process counts alone. */
  redis?: unknown;
  /** Prefix of the Redis keys (default `portico:`). */
  keyPrefix?: string;
}

/** @public */
export const DEFAULT_FAILED_AUTH_LIMIT: RateLimitRule = { requests: 50, seconds: 300 };

function tooMany(what: string, msBeforeNext: number): PorticoError & { retryAfter: number } {
  const retryAfter = Math.max(1, Math.ceil(msBeforeNext / 1000));
  const error = new PorticoError({
    status: 429,
    code: 'too-many-requests',
    title: 'Too many requests',
    detail: `${what}; retry in ${retryAfter} s (the Retry-After header).`,
    extensions: { retryAfter },
  });
  return Object.assign(error, { retryAfter });
}

function address(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}

/**
 * Rate limits (rate-limiter-flexible), Redis-backed when the portal has Redis. When Redis is
 * away, each process falls back to counting in memory rather than failing requests.
 * @public
 */
export class RateLimits {
  private readonly perAddress?: RateLimiterAbstract;
  private readonly perIdentity?: RateLimiterAbstract;
  private readonly failedAuth?: RateLimiterAbstract;
  private readonly rules: { perAddress?: RateLimitRule; perIdentity?: RateLimitRule; failedAuth?: RateLimitRule };

  constructor(options: RateLimitOptions = {}) {
    const prefix = `${options.keyPrefix ?? 'portico:'}{ratelimit}:`;
    const make = (name: string, rule: RateLimitRule | false | undefined): RateLimiterAbstract | undefined => {
      if (!rule) return undefined;
      const base = { keyPrefix: `${prefix}${name}`, points: rule.requests, duration: rule.seconds };
      const memory = new RateLimiterMemory(base);
      return options.redis ? new RateLimiterRedis({ ...base, storeClient: options.redis, rejectIfRedisNotReady: true, insuranceLimiter: memory }) : memory;
    };
    const failedAuth = options.failedAuth === undefined ? DEFAULT_FAILED_AUTH_LIMIT : options.failedAuth;
    this.rules = { perAddress: options.perAddress || undefined, perIdentity: options.perIdentity || undefined, failedAuth: failedAuth || undefined };
    this.perAddress = make('address', options.perAddress);
    this.perIdentity = make('identity', options.perIdentity);
    this.failedAuth = make('auth-failures', failedAuth);
  }

  private async consume(limiter: RateLimiterAbstract | undefined, key: string, what: string): Promise<void> {
    if (!limiter) return;
    try {
      await limiter.consume(key);
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) throw tooMany(what, rejection.msBeforeNext);
      // Neither the store nor the in-memory insurance could count: let the request through.
    }
  }

  /** Counts every API request per address. */
  byAddress(): RequestHandler {
    return (req, _res, next) => {
      const rule = this.rules.perAddress;
      if (!rule) return next();
      this.consume(this.perAddress, address(req), `More than ${rule.requests} requests in ${rule.seconds} s came from ${address(req)}`).then(() => next(), next);
    };
  }

  /** Counts every API request per identity, after authentication. */
  byIdentity(): RequestHandler {
    return (req, _res, next) => {
      const rule = this.rules.perIdentity;
      const identity = (req as Request & { identity?: Identity }).identity;
      if (!rule || !identity) return next();
      const key = identity.isGuest ? `${identity.id}@${address(req)}` : identity.id;
      this.consume(this.perIdentity, key, `${identity.id} sent more than ${rule.requests} requests in ${rule.seconds} s`).then(() => next(), next);
    };
  }

  /** Refuses, before trying them, the credentials of an address that failed authentication too often. */
  blockFailedAuth(): RequestHandler {
    return (req, _res, next) => {
      const rule = this.rules.failedAuth;
      if (!rule || !this.failedAuth || (!req.headers.authorization && !req.headers.cookie)) return next();
      this.failedAuth.get(address(req)).then(
        (res) => next(res && res.consumedPoints > rule.requests ? tooMany(this.failedAuthText(req, rule), res.msBeforeNext) : undefined),
        () => next(),
      );
    };
  }

  /** Wraps an authenticator so each refusal counts against the caller's address. */
  countFailedAuth<A extends unknown[]>(resolve: (authorization: string | undefined, req: Request, ...rest: A) => Promise<Identity | null>): (authorization: string | undefined, req: Request, ...rest: A) => Promise<Identity | null> {
    return async (authorization, req, ...rest) => {
      let identity: Identity | null;
      try {
        identity = await resolve(authorization, req, ...rest);
      } catch (error) {
        if (error instanceof UnauthorizedError) await this.failed(req);
        throw error;
      }
      if (!identity) await this.failed(req);
      return identity;
    };
  }

  private failedAuthText(req: Request, rule: RateLimitRule): string {
    return `More than ${rule.requests} failed authentications in ${rule.seconds} s came from ${address(req)}, so its credentials are not checked for now`;
  }

  private async failed(req: Request): Promise<void> {
    const rule = this.rules.failedAuth;
    if (rule) await this.consume(this.failedAuth, address(req), this.failedAuthText(req, rule));
  }
}

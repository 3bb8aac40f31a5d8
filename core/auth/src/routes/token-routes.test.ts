import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Express, RequestHandler } from 'express';
import request from 'supertest';
import { Redis } from 'ioredis';
import { createApiRouter, createHttpApp } from '@portico/http';
import type { LoggerService } from '@portico/plugin-api';
import { createAuth, type CreateAuthOptions, type PortalAuth } from '../create-auth';
import { sha256Hex } from '../identity/config-token-source';
import type { AuthConfig } from '../config/auth-config';
import { LAST_USED_EVERY_MS } from '../tokens/api-token-book';

const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

const CONFIG: AuthConfig = {
  guest: { roles: ['viewer'] },
  tokens: [
    { name: 'alice', sha256: sha256Hex('alice-config-token'), kind: 'user', teams: ['platform'] },
    { name: 'bob', sha256: sha256Hex('bob-config-token'), kind: 'user', roles: ['maintainer'] },
    { name: 'ops', sha256: sha256Hex('ops-config-token'), roles: ['admin'] },
  ],
  apiTokens: { maxDays: 30 },
};
const ALICE = 'Bearer alice-config-token';
const BOB = 'Bearer bob-config-token';
const OPS = 'Bearer ops-config-token';

interface Opened {
  auth: PortalAuth;
  app: Express;
  logs: string[];
  audits: unknown[];
  reopen(config: AuthConfig): Promise<PortalAuth>;
  dispose(): Promise<void>;
}

/** A logger that keeps every line, so a test can prove a token's value is never logged. */
function keptLogger(lines: string[]): LoggerService {
  const at = (level: string) => (message: string, fields?: Record<string, unknown>) => void lines.push(JSON.stringify({ level, message, fields }));
  const logger: LoggerService = { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error'), child: () => logger };
  return logger;
}

async function serve(options: Omit<CreateAuthOptions, 'logger' | 'config'>, config: AuthConfig): Promise<Omit<Opened, 'reopen' | 'dispose'>> {
  const logs: string[] = [];
  const audits: unknown[] = [];
  const logger = keptLogger(logs);
  const auth = await createAuth({ ...options, config, logger });
  // What handlers add to their request's audit record, as the audit log receives it.
  const keepAudit: RequestHandler = (_req, res, next) => {
    res.on('finish', () => res.locals.portico?.audit && audits.push(res.locals.portico.audit));
    next();
  };
  const app = createHttpApp({
    before: [keepAudit],
    api: [{ prefix: '', router: createApiRouter(auth.routes().filter((route) => !('public' in route.access))) }],
    authenticate: (authorization, req) => auth.authenticate(authorization, req),
    onUnexpectedError: (error) => logger.error('unexpected', { error: String(error) }),
  });
  return { auth, app, logs, audits };
}

function suite(name: string, open: () => Promise<Opened>) {
  describe(`API tokens on the ${name} store`, () => {
    let opened: Opened;
    beforeAll(async () => {
      opened = await open();
    });
    afterAll(async () => {
      await opened.auth.close();
      await opened.dispose();
    });

    const create = (authorization: string | undefined, body: unknown) => {
      const call = request(opened.app).post('/api/v1/tokens').send(body as object);
      return authorization ? call.set('authorization', authorization) : call;
    };

    it('makes a token once, lets it act with its scopes cut to what its owner holds now, and revokes it', async () => {
      const { app, auth } = opened;
      await auth.roleBook.assign('user:alice', ['maintainer']);

      const made = await create(ALICE, { name: 'deploys of cart', scopes: ['catalog.entity.write', 'actions.run', 'teams'], expiresInDays: 7 }).expect(201);
      expect(made.headers['cache-control']).toBe('no-store');
      const { value, token } = made.body as { value: string; token: { id: string; expiresAt: string; lastUsedAt: string | null } };
      expect(value).toMatch(/^pat_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
      expect(value.startsWith(`${token.id}_`)).toBe(true);
      expect(Date.parse(token.expiresAt) - Date.now()).toBeGreaterThan(6.9 * 24 * 3600 * 1000);
      const secret = value.slice(token.id.length + 1);

      // Listed without its value, and not yet used.
      const listed = await request(app).get('/api/v1/tokens').set('authorization', ALICE).expect(200);
      expect(listed.body.items).toEqual([expect.objectContaining({ id: token.id, name: 'deploys of cart', owner: 'user:alice', scopes: ['catalog.entity.write', 'actions.run', 'teams'], lastUsedAt: null, expired: false })]);
      expect(listed.body.limits).toEqual({ maxDays: 30, defaultDays: 30 });
      expect(listed.text).not.toContain(secret);
      expect(listed.text).not.toContain(sha256Hex(value));

      // In use: the token's identity, its scopes within alice's permissions, her teams (it has the teams scope).
      const identity = await auth.authenticate(`Bearer ${value}`);
      expect(identity).toEqual({
        id: `token:${token.id}`,
        kind: 'token',
        displayName: "deploys of cart (alice's token)",
        teams: ['platform'],
        isGuest: false,
        permissions: ['catalog.entity.write', 'actions.run'],
        roles: [],
        via: 'api-token',
        owner: 'user:alice',
      });
      await request(app).get('/api/v1/tokens').set('authorization', `Bearer ${value}`).expect(200, { items: [], limits: { maxDays: 30, defaultDays: 30 } });
      const afterUse = await request(app).get('/api/v1/tokens').set('authorization', ALICE).expect(200);
      expect(Date.now() - Date.parse(afterUse.body.items[0].lastUsedAt)).toBeLessThan(10_000);

      // Alice is demoted to viewer: the token loses what she lost, at once.
      await auth.roleBook.assign('user:alice', ['viewer']);
      expect((await auth.authenticate(`Bearer ${value}`))?.permissions).toEqual([]);
      await auth.roleBook.assign('user:alice', ['maintainer']);
      expect((await auth.authenticate(`Bearer ${value}`))?.permissions).toEqual(['catalog.entity.write', 'actions.run']);

      // A token never makes tokens.
      const minted = await create(`Bearer ${value}`, { name: 'child', scopes: ['actions.run'] }).expect(403);
      expect(minted.body.detail).toMatch(/is an API token: a token never makes more tokens/);

      // Someone else cannot see or revoke it; the answer is the one for a missing token.
      const foreign = await request(app).get('/api/v1/tokens?owner=user:alice').set('authorization', BOB).expect(403);
      expect(foreign.body.detail).toMatch(/Listing user:alice's API tokens needs the permission "admin"/);
      const notBobs = await request(app).delete(`/api/v1/tokens/${token.id}`).set('authorization', BOB).expect(404);
      expect(notBobs.body.detail).toBe(`There is no API token ${token.id} among yours (admins revoke anyone's).`);
      expect(await auth.authenticate(`Bearer ${value}`)).not.toBeNull();
      // An admin sees everyone's.
      const all = await request(app).get('/api/v1/tokens?owner=*').set('authorization', OPS).expect(200);
      expect(all.body.items.map((t: { id: string }) => t.id)).toContain(token.id);

      // A value with a wrong secret, or a made-up id, is refused.
      const forged = `${token.id}_${'A'.repeat(43)}`;
      expect(await auth.authenticate(`Bearer ${forged}`)).toBeNull();
      await request(app).get('/api/v1/tokens').set('authorization', `Bearer pat_0000000000000000_${'A'.repeat(43)}`).expect(401);

      // Revoked by its owner: refused from now on.
      await request(app).delete(`/api/v1/tokens/${token.id}`).set('authorization', ALICE).expect(204);
      expect(await auth.authenticate(`Bearer ${value}`)).toBeNull();
      await request(app).get('/api/v1/tokens').set('authorization', `Bearer ${value}`).expect(401);
      await request(app).delete(`/api/v1/tokens/${token.id}`).set('authorization', ALICE).expect(404);
      expect((await request(app).get('/api/v1/tokens').set('authorization', ALICE).expect(200)).body.items).toEqual([]);

      // Neither the value nor its hash was logged or put in an audit record; the audit names the token.
      expect(opened.audits).toEqual(expect.arrayContaining([expect.objectContaining({ target: `token:${token.id}`, before: null }), expect.objectContaining({ target: `token:${token.id}`, after: null })]));
      for (const text of [...opened.logs, JSON.stringify(opened.audits)]) {
        expect(text).not.toContain(secret);
        expect(text).not.toContain(sha256Hex(value));
      }
    });

    it('refuses scopes the owner does not hold, naming each, and lifetimes beyond the cap', async () => {
      const { auth } = opened;
      await auth.roleBook.assign('user:alice', ['developer']);
      const refused = await create(ALICE, { name: 'too much', scopes: ['actions.run', 'admin', 'cicd.*', 'catalog.entity.write:component'] }).expect(400);
      expect(refused.body.detail).toMatch(/user:alice does not hold "admin", "cicd.\*", "catalog.entity.write:component": remove them from scopes/);
      expect(refused.body.errors).toEqual([
        { pointer: '/scopes/1', message: '"admin" is not a permission you hold' },
        { pointer: '/scopes/2', message: '"cicd.*" is not a permission you hold' },
        { pointer: '/scopes/3', message: '"catalog.entity.write:component" is not a permission you hold' },
      ]);
      const tooLong = await create(ALICE, { name: 'forever', scopes: ['actions.run'], expiresInDays: 31 }).expect(400);
      expect(tooLong.body).toMatchObject({ detail: expect.stringMatching(/at most 30 days here \(auth.apiTokens.maxDays\): choose 1 to 30/), errors: [{ pointer: '/expiresInDays', message: 'must be at most 30' }] });
      const bad = await create(ALICE, { name: '', scopes: [], color: 'red' }).expect(400);
      expect(bad.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(expect.arrayContaining(['/name', '/scopes', '/color']));
      await create(ALICE, { name: 'x', scopes: ['not a permission!'] }).expect(400);
      await request(opened.app).get('/api/v1/tokens?owner=somebody').set('authorization', ALICE).expect(400);
      expect((await request(opened.app).get('/api/v1/tokens').set('authorization', ALICE)).body.items).toEqual([]);
    });

    it('lets only people make tokens: not the guest, nor a machine\'s config token', async () => {
      const asGuest = await create(undefined, { name: 'g', scopes: ['catalog.entity.read'] }).expect(403);
      expect(asGuest.body.detail).toMatch(/guest is the guest/);
      const asMachine = await create(OPS, { name: 'm', scopes: ['admin'] }).expect(403);
      expect(asMachine.body.detail).toMatch(/token:ops is a token identity/);
      await request(opened.app).get('/api/v1/tokens').expect(200, { items: [], limits: { maxDays: 30, defaultDays: 30 } });
    });

    it('lets an admin token act until its owner stops being admin, and lets a token revoke itself', async () => {
      const { app, auth } = opened;
      await auth.roleBook.assign('user:alice', ['admin']);
      const { value, token } = (await create(ALICE, { name: 'admin bot', scopes: ['admin'], expiresInDays: 1 }).expect(201)).body;
      expect((await auth.authenticate(`Bearer ${value}`))?.teams).toEqual([]);
      await request(app).get('/api/v1/access/assignments').set('authorization', `Bearer ${value}`).expect(200);
      await auth.roleBook.assign('user:alice', ['developer']);
      const refused = await request(app).get('/api/v1/access/assignments').set('authorization', `Bearer ${value}`).expect(403);
      expect(refused.body.detail).toMatch(new RegExp(`needs the permission "admin", which token:${token.id} does not have`));
      await request(app).delete(`/api/v1/tokens/${token.id}`).set('authorization', `Bearer ${value}`).expect(204);
      expect(await auth.authenticate(`Bearer ${value}`)).toBeNull();
    });

    it('stops a token at its expiry, and writes its last use at most once a minute', async () => {
      const { auth } = opened;
      const owner = { id: 'user:alice', displayName: 'alice', teams: [], via: 'config-token' as const };
      const { value, token } = await auth.apiTokens.create({ name: 'short', owner, scopes: ['actions.run'], expiresAt: new Date(Date.now() + 300) });
      expect(await auth.authenticate(`Bearer ${value}`)).not.toBeNull();
      const record = (await auth.apiTokens.get(token.id))!;
      const used = (await auth.apiTokens.info(record)).lastUsedAt!;
      await auth.apiTokens.markUsed(record, Date.parse(used) + 1000);
      expect((await auth.apiTokens.info(record)).lastUsedAt).toBe(used);
      await auth.apiTokens.markUsed(record, Date.parse(used) + LAST_USED_EVERY_MS);
      expect((await auth.apiTokens.info(record)).lastUsedAt).toBe(new Date(Date.parse(used) + LAST_USED_EVERY_MS).toISOString());
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(await auth.authenticate(`Bearer ${value}`)).toBeNull();
      const listed = await request(opened.app).get('/api/v1/tokens').set('authorization', ALICE).expect(200);
      expect(listed.body.items).toEqual([expect.objectContaining({ id: token.id, expired: true })]);
      await request(opened.app).delete(`/api/v1/tokens/${token.id}`).set('authorization', ALICE).expect(204);
    });

    it('follows a signed-in owner\'s teams as last seen, and ends with a config owner who left the config', async () => {
      const { auth } = opened;
      await auth.roleBook.assign('team:payments', ['maintainer']);
      const carol = { id: 'user:carol', displayName: 'Carol', teams: ['payments'], via: 'session' as const };
      const made = await auth.apiTokens.create({ name: 'carol ci', owner: carol, scopes: ['catalog.entity.write', 'teams'], expiresAt: new Date(Date.now() + 3600_000) });
      expect(await auth.authenticate(`Bearer ${made.value}`)).toMatchObject({ teams: ['payments'], permissions: ['catalog.entity.write'] });
      // Carol left the team (seen at her next sign-in, or on the Tokens page): her token loses the team's role.
      await auth.apiTokens.noteOwnerTeams('user:carol', []);
      expect(await auth.authenticate(`Bearer ${made.value}`)).toMatchObject({ teams: [], permissions: [] });

      await auth.roleBook.assign('user:alice', ['developer']);
      const alices = (await create(ALICE, { name: 'kept', scopes: ['actions.run'] }).expect(201)).body.value as string;
      const without = await opened.reopen({ ...CONFIG, tokens: CONFIG.tokens!.filter((t) => t.name !== 'alice') });
      try {
        expect(await without.authenticate(`Bearer ${alices}`)).toBeNull();
      } finally {
        await without.close();
      }
    });
  });
}

suite('embedded', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'portico-tokens-'));
  const served = await serve({ dataDir: join(dataDir, 'a') }, CONFIG);
  return {
    ...served,
    // One process owns an embedded folder: a second auth reads a copy of the journal.
    reopen: async (config) => {
      const { cpSync } = await import('node:fs');
      cpSync(join(dataDir, 'a'), join(dataDir, 'b'), { recursive: true });
      return createAuth({ config, dataDir: join(dataDir, 'b'), logger: keptLogger([]) });
    },
    dispose: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
});

suite('redis', async () => {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1, retryStrategy: (times) => (times > 3 ? null : 100) });
  const keyPrefix = `test:tokens:${randomBytes(6).toString('hex')}:`;
  const served = await serve({ redis, keyPrefix }, CONFIG);
  return {
    ...served,
    reopen: (config) => createAuth({ config, redis, keyPrefix, logger: keptLogger([]) }),
    dispose: async () => {
      const keys = await redis.keys(`${keyPrefix}*`);
      if (keys.length) await redis.del(...keys);
      await redis.quit();
    },
  };
});

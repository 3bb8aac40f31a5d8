// A real OpenID Connect provider (oidc-provider) for tests, run as its own Node process:
// oidc-provider is ESM-only and jest runs CommonJS, so tests talk to it over HTTP like a portal
// does. Started by local-oidc-provider.ts; prints one JSON line `{"issuer": ...}` when ready.
// Its sign-in page asks for a user name only (no password): tests pick who signs in.
import { createServer } from 'node:http';
import { randomBytes } from 'node:crypto';
import Provider from 'oidc-provider';

const options = JSON.parse(process.argv[2] ?? '{}');
const users = options.users ?? [];

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(uid, message = '') {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Local identity provider</title></head><body>
<h1>Local identity provider</h1>${message ? `<p role="alert">${escapeHtml(message)}</p>` : ''}
<form method="post" action="/interaction/${escapeHtml(uid)}">
<label for="username">User name</label> <input id="username" name="username" autocomplete="off">
<button type="submit">Sign in</button></form></body></html>`;
}

async function readForm(req) {
  let text = '';
  for await (const chunk of req) text += chunk;
  return Object.fromEntries(new URLSearchParams(text));
}

let handler = (_req, res) => res.writeHead(503).end();
const server = createServer((req, res) => handler(req, res));
await new Promise((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;

const provider = new Provider(issuer, {
  clients: options.clients ?? [],
  // Native clients may use any port on a loopback redirect URI (RFC 8252), so a portal on a port
  // picked at random can register http://127.0.0.1/api/v1/auth/callback.
  cookies: { keys: [randomBytes(32).toString('hex')] },
  claims: { openid: ['sub'], profile: ['name', 'preferred_username'], email: ['email', 'email_verified'], groups: ['groups'] },
  features: { devInteractions: { enabled: false } },
  ttl: { Session: 3600, Interaction: 600, Grant: 3600, AuthorizationCode: 60, AccessToken: 600, IdToken: 600 },
  async findAccount(_ctx, id) {
    const user = users.find((u) => u.id === id);
    if (!user) return undefined;
    return {
      accountId: id,
      async claims() {
        return { sub: id, preferred_username: id, name: user.name ?? id, ...(user.email ? { email: user.email, email_verified: true } : {}), ...(user.groups ? { groups: user.groups } : {}) };
      },
    };
  },
});

provider.use(async (ctx, next) => {
  const match = /^\/interaction\/([^/]+)$/.exec(ctx.path);
  if (!match) return next();
  const details = await provider.interactionDetails(ctx.req, ctx.res);
  if (ctx.method === 'GET') {
    ctx.type = 'html';
    ctx.body = page(details.uid);
    return undefined;
  }
  const form = await readForm(ctx.req);
  const user = users.find((u) => u.id === form.username);
  if (!user) {
    ctx.status = 400;
    ctx.type = 'html';
    ctx.body = page(details.uid, `No user "${form.username ?? ''}" here.`);
    return undefined;
  }
  const grant = new provider.Grant({ accountId: user.id, clientId: details.params.client_id });
  grant.addOIDCScope(String(details.params.scope ?? 'openid'));
  const grantId = await grant.save();
  await provider.interactionFinished(ctx.req, ctx.res, { login: { accountId: user.id }, consent: { grantId } }, { mergeWithLastSubmission: false });
  ctx.respond = false;
  return undefined;
});

handler = provider.callback();
process.stdout.write(`${JSON.stringify({ issuer })}\n`);
process.on('SIGTERM', () => server.close(() => process.exit(0)));

import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parse } from 'yaml';
import { SchemaValidator } from '@portico/http';
import { ValidationError, type JsonSchema } from '@portico/plugin-api';
import { AUTH_CONFIG_SCHEMA, type AuthConfig } from '@portico/auth';
import type { WebhookPolicyOptions } from '@portico/actions';
import type { CatalogCodeSource } from '../catalog-code/catalog-code-sync';

/**
 * One plugin to load: an npm package name (resolved from the config's folder) or a local folder.
 * @public
 */
export interface PluginEntry {
  package?: string;
  path?: string;
  /** The plugin's own section, validated against its `configSchema`. */
  config?: Record<string, unknown>;
  enabled?: boolean;
}

/** @public */
export interface PorticoConfig {
  portal?: { title?: string; port?: number; publicUrl?: string };
  plugins: PluginEntry[];
  /** Who may do what: the guest, tokens, roles, sign-in, sessions, the audit log (docs/security.md). */
  auth?: AuthConfig;
  /** Secret values by name; `${ENV_VAR}` is replaced from the environment. */
  secrets?: Record<string, string>;
  redis?: { url?: string; keyPrefix?: string };
  /** Folder for the embedded store; relative to the config file. */
  dataDir?: string;
  /** Maximum JSON body size, e.g. `1mb`. */
  bodyLimit?: string;
  /** Deepest nesting of objects and arrays in a JSON body (default 64). */
  maxJsonDepth?: number;
  /** Requests per address and per identity, and failed authentications per address (docs/configuration.md). */
  rateLimit?: RateLimitConfig;
  /**
   * The action runner: where webhooks may go; `worker: false` makes an API-only instance that
   * queues runs for `portico worker` processes (Redis only) instead of executing them.
   */
  actions?: { webhooks?: WebhookPolicyOptions; worker?: boolean };
  /** Folders of catalog files (a git repository's or local) the portal keeps applied (docs/catalog-as-code.md). */
  catalog?: { code?: CatalogCodeSource[] };
}

/** At most `requests` in any `seconds`; `false` turns a limit off. */
export interface RateLimitConfig {
  perAddress?: { requests: number; seconds: number } | false;
  perIdentity?: { requests: number; seconds: number } | false;
  failedAuth?: { requests: number; seconds: number } | false;
}

const RATE_RULE: JsonSchema = {
  oneOf: [
    { const: false },
    { type: 'object', additionalProperties: false, required: ['requests', 'seconds'], properties: { requests: { type: 'integer', minimum: 1 }, seconds: { type: 'integer', minimum: 1, maximum: 86400 } } },
  ],
};

const CONFIG_SCHEMA: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['plugins'],
  properties: {
    portal: {
      type: 'object',
      additionalProperties: false,
      properties: { title: { type: 'string' }, port: { type: 'integer', minimum: 0, maximum: 65535 }, publicUrl: { type: 'string' } },
    },
    plugins: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        properties: {
          package: { type: 'string', minLength: 1 },
          path: { type: 'string', minLength: 1 },
          config: { type: 'object' },
          enabled: { type: 'boolean' },
        },
      },
    },
    auth: AUTH_CONFIG_SCHEMA,
    secrets: { type: 'object', additionalProperties: { type: 'string' } },
    redis: { type: 'object', additionalProperties: false, properties: { url: { type: 'string' }, keyPrefix: { type: 'string' } } },
    dataDir: { type: 'string' },
    bodyLimit: { type: 'string' },
    maxJsonDepth: { type: 'integer', minimum: 1, maximum: 10000 },
    rateLimit: { type: 'object', additionalProperties: false, properties: { perAddress: RATE_RULE, perIdentity: RATE_RULE, failedAuth: RATE_RULE } },
    catalog: {
      type: 'object',
      additionalProperties: false,
      properties: {
        code: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            properties: {
              git: { type: 'string', minLength: 1 },
              ref: { type: 'string', minLength: 1 },
              path: { type: 'string', minLength: 1 },
              name: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$' },
              everyMs: { type: 'integer', minimum: 1000 },
              allowLargeDelete: { type: 'boolean' },
            },
          },
        },
      },
    },
    actions: {
      type: 'object',
      additionalProperties: false,
      properties: {
        worker: { type: 'boolean' },
        webhooks: {
          type: 'object',
          additionalProperties: false,
          properties: {
            allow: { type: 'array', items: { type: 'string', pattern: '^https?://[^/]+(/.*)?$' } },
            allowPrivateNetworks: { type: 'boolean' },
          },
        },
      },
    },
  },
};

const validator = new SchemaValidator();

/**
 * Validates a config object; problems name the JSON pointer inside the config.
 * @public
 */
export function validateConfig(config: unknown, source = 'portico.config.yaml'): PorticoConfig {
  try {
    validator.assert(CONFIG_SCHEMA, config, source);
  } catch (error) {
    if (error instanceof ValidationError) {
      const where = (error.errors ?? []).map((p) => `${p.pointer} ${p.message}`).join('; ');
      throw new ValidationError(`${source} is invalid: ${where}. See docs/configuration.md for the format.`, error.errors);
    }
    throw error;
  }
  const plugins = (config as PorticoConfig).plugins;
  plugins.forEach((entry, index) => {
    if (Boolean(entry.package) === Boolean(entry.path)) {
      throw new ValidationError(`${source} is invalid: /plugins/${index} needs exactly one of "package" (an npm package name) or "path" (a local folder).`, [
        { pointer: `/plugins/${index}`, message: 'needs exactly one of package or path' },
      ]);
    }
  });
  return config as PorticoConfig;
}

export interface LoadedConfig {
  config: PorticoConfig;
  /** Folder package names and relative paths are resolved from. */
  baseDir: string;
}

/** @public */
export async function loadConfigFile(file: string): Promise<LoadedConfig> {
  const path = resolve(file);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new ValidationError(`Cannot read the config file ${path}: create it (see app-template/portico.config.yaml) or pass --config <file>.`);
  }
  let parsed: unknown;
  try {
    parsed = parse(text);
  } catch (error) {
    throw new ValidationError(`${path} is not valid YAML: ${(error as Error).message}`);
  }
  return { config: validateConfig(parsed ?? {}, path), baseDir: dirname(path) };
}

/** Replaces `${NAME}` with the environment variable NAME (empty when unset). */
export function interpolateEnv(value: string, env: NodeJS.ProcessEnv = process.env): string {
  return value.replace(/\$\{([A-Z0-9_]+)\}/g, (_m, name: string) => env[name] ?? '');
}

import type { ActionDefinition, LoggerService, SecretsService } from '@portico/plugin-api';
import { SchemaValidator, type ApiRoute } from '@portico/http';
import type { Catalog } from './catalog/catalog';
import { BullmqRunQueue } from './queue/bullmq-run-queue';
import { MemoryRunQueue } from './queue/memory-run-queue';
import { MemoryRunStore } from './runs/memory-run-store';
import { RedisRunStore } from './runs/redis-run-store';
import { PorticoActionRunner, type ActorResolver, type CallbackTokenIssuer } from './runner/portico-action-runner';
import { OutboundPolicy, type WebhookPolicyOptions } from './invocations/outbound-policy';
import type { ActionRunnerService } from '@portico/plugin-api';

/** @public */
export interface ActionRunnerOptions {
  /** When set: BullMQ queue, Redis run store and Redis Streams logs; else all in process. */
  redisUrl?: string;
  /** Default `portico:`; BullMQ's prefix and every run key start with it. */
  keyPrefix?: string;
  /** Embedded mode: runs and logs persist here (`runs.jsonl`), so a restart keeps them. */
  dataDir?: string;
  catalog: Catalog;
  logger: LoggerService;
  secrets: SecretsService;
  /** Default true: this process executes runs too. */
  inProcessWorker?: boolean;
  workerConcurrency?: number;
  /** How often due timers are claimed (default 1000 ms). */
  timerPollMs?: number;
  /** A worker's job lock; a killed worker's run is picked up within about 1.5× this (default 10 s). */
  lockDurationMs?: number;
  /** How long `close` waits for running attempts before letting go of them (default 10 s). */
  closeGraceMs?: number;
  /** Redis: how often (and after how long) a queued run without a job gets one back (default 30 s). */
  strandedRunCheckMs?: number;
  /** Where webhooks may go (`actions.webhooks` in portico.config.yaml); without an allow-list no webhook is called. */
  webhooks?: WebhookPolicyOptions;
  /** Issues each asynchronous run's callback token; without it receivers report with an identity holding `runs.report`. */
  callbackTokens?: CallbackTokenIssuer;
  /** Re-resolves an automation's creator when it fires; without it automations made through the API start nothing. */
  resolveActor?: ActorResolver;
}

/** @public */
export interface ActionRunner extends ActionRunnerService {
  /** From plugins (pluginId) or the API ('api'). Duplicate id: ConflictError naming both owners. Invalid: ValidationError. */
  registerAction(definition: ActionDefinition, pluginId: string): () => void;
  /** API routes relative to /api/v1. */
  routes(): ApiRoute[];
  /** Start consuming the queue in this process. */
  startWorker(): Promise<void>;
  close(): Promise<void>;
}

/** Secret and entity-picker formats are Portico's; the catalog's custom formats are accepted as strings. */
const FORMATS = { secret: true, entity: true, timer: true, user: true, team: true, markdown: true } as const;

/** @public */
export async function createActionRunner(options: ActionRunnerOptions): Promise<PorticoActionRunner> {
  const keyPrefix = options.keyPrefix ?? 'portico:';
  const logger = options.logger.child({ component: 'action-runner' });
  const redisStore = options.redisUrl ? new RedisRunStore({ redisUrl: options.redisUrl, keyPrefix }) : null;
  await redisStore?.connect();
  const store = redisStore ?? new MemoryRunStore({ dataDir: options.dataDir });
  const queue = options.redisUrl ? new BullmqRunQueue({ redisUrl: options.redisUrl, keyPrefix, lockDurationMs: options.lockDurationMs }) : new MemoryRunQueue();
  const runner = new PorticoActionRunner({
    store,
    queue,
    catalog: options.catalog,
    logger,
    secrets: options.secrets,
    validator: new SchemaValidator({ formats: FORMATS }),
    workerConcurrency: options.workerConcurrency ?? 8,
    timerPollMs: options.timerPollMs ?? 1000,
    closeGraceMs: options.closeGraceMs,
    outbound: new OutboundPolicy(options.webhooks),
    callbackTokens: options.callbackTokens,
    resolveActor: options.resolveActor,
  });
  await runner.init();
  if (!options.redisUrl) await runner.recoverEmbedded();
  else runner.startStrandedRunSweep(options.strandedRunCheckMs ?? 30_000);
  if (options.inProcessWorker ?? true) await runner.startWorker();
  return runner;
}

/** @public */
export interface ScheduledTask {
  /** Unique within the plugin. */
  id: string;
  everyMs: number;
  /** Run once at start too (default true). */
  runAtStart?: boolean;
  /** `global`: one instance of the portal runs it at a time (default); `local`: every instance does. */
  scope?: 'global' | 'local';
  fn(signal: AbortSignal): Promise<void>;
}

/** @public */
export interface SchedulerService {
  schedule(task: ScheduledTask): { cancel(): void };
}

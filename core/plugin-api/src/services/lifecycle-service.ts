/** @public */
export interface LifecycleService {
  /** Runs after every plugin has initialised, before the HTTP server listens. */
  addStartHook(hook: () => void | Promise<void>): void;
  /** Runs on shutdown, in reverse order of registration. */
  addShutdownHook(hook: () => void | Promise<void>): void;
}

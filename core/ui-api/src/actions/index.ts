export { useRunAction, type RunActionState } from './use-run-action';
export { useRun } from './use-run';
export { isTerminalStatus } from '@portico/plugin-api';

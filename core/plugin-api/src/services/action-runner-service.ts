import type { ActionDefinition, Run } from '../model/action';
import type { EntityRef } from '../model/entity';

/** @public */
export interface StartRunRequest {
  actionId: string;
  entity?: EntityRef | null;
  inputs: Record<string, unknown>;
  actor: string;
  idempotencyKey?: string;
}

/** @public */
export interface ActionRunnerService {
  listActions(): Promise<Array<Omit<ActionDefinition, 'invocation'> & { invocation: { type: string } }>>;
  startRun(request: StartRunRequest): Promise<Run>;
  getRun(id: string): Promise<Run | null>;
  cancelRun(id: string, actor: string): Promise<Run>;
}

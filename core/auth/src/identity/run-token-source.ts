import { UnauthorizedError, type Identity, type RunStatus } from '@portico/plugin-api';
import type { CredentialSource, Credentials } from './credential-source';
import { RUN_TOKEN_PREFIX, type RunTokenSigner } from './run-token-signer';

/**
 * What the run-token source needs of the runs (the kernel wires the action runner in).
 * @public
 */
export interface RunLookup {
  /** The run's status, or null when there is no such run. */
  statusOf(runId: string): Promise<RunStatus | null>;
}

/** Statuses a run can leave again; a token stops working once its run has none of them. */
const OPEN: ReadonlySet<RunStatus> = new Set(['queued', 'waiting_for_approval', 'running']);

/**
 * A run's callback token (`prt_…`, sent to its asynchronous receiver or agent) as an
 * identity that may report on that one run and nothing else: no permissions, `runId` set.
 * Once the run has ended the token is refused with a 401 that says so.
 * @public
 */
export class RunTokenSource implements CredentialSource {
  readonly name = 'run-token';

  constructor(
    private readonly signer: RunTokenSigner,
    private readonly runs: RunLookup,
  ) {}

  async resolve({ bearer }: Credentials): Promise<Identity | null | undefined> {
    if (bearer === undefined || !bearer.startsWith(RUN_TOKEN_PREFIX)) return undefined;
    const runId = this.signer.runIdOf(bearer);
    if (!runId) return null;
    const status = await this.runs.statusOf(runId);
    if (status === null) return null;
    if (!OPEN.has(status)) throw new UnauthorizedError(`This callback token was issued for run ${runId}, which has ended (${status}); an ended run takes no more reports.`);
    return { id: `run:${runId}`, kind: 'run', displayName: `Callback of run ${runId}`, teams: [], isGuest: false, permissions: [], roles: [], via: 'run-token', runId };
  }
}

import type { AirflowApi } from '../airflow/airflow-api';
import type { AirflowDag, AirflowDagRun, AirflowDataset, AirflowTaskInstance, DagRunState, TaskState, TriggerDagRun } from '../airflow/airflow-types';
import { AirflowApiError } from '../airflow/airflow-api-error';

interface SimDag extends AirflowDag {
  tasks: string[];
  /** A task that fails on its first try of every run (the demo's flaky pipeline). */
  flakyTask?: string;
}

interface SimRun extends AirflowDagRun {
  tasks: AirflowTaskInstance[];
}

const HOUR = 3600_000;

/** The example organisation's pipelines. */
const DEMO_DAGS: SimDag[] = [
  {
    dagId: 'orders_daily_load',
    displayName: 'Orders daily load',
    description: 'Loads yesterday\'s orders from the Cart service into the warehouse.',
    owners: ['checkout-team'],
    tags: ['orders', 'reads:demo.sales.carts', 'writes:demo.sales.orders'],
    isPaused: false,
    schedule: '0 6 * * *',
    nextRunAt: null,
    fileloc: '/opt/airflow/dags/orders_daily_load.py',
    tasks: ['extract_orders', 'validate', 'transform', 'load_orders'],
  },
  {
    dagId: 'products_catalog_sync',
    displayName: 'Products catalog sync',
    description: 'Copies the Products service\'s catalogue into the warehouse every hour.',
    owners: ['catalog-team'],
    tags: ['products', 'writes:demo.catalog.products'],
    isPaused: false,
    schedule: '@hourly',
    nextRunAt: null,
    fileloc: '/opt/airflow/dags/products_catalog_sync.py',
    tasks: ['fetch_products', 'upsert_products', 'refresh_search_index'],
    flakyTask: 'refresh_search_index',
  },
  {
    dagId: 'cart_abandonment_report',
    displayName: 'Cart abandonment report',
    description: 'Weekly report of carts left before payment.',
    owners: ['checkout-team'],
    tags: ['reports', 'reads:demo.sales.carts'],
    isPaused: true,
    schedule: '0 7 * * 1',
    nextRunAt: null,
    fileloc: '/opt/airflow/dags/cart_abandonment_report.py',
    tasks: ['query_carts', 'render_report', 'email_report'],
  },
];

/**
 * An Airflow in memory for the demo (`airflow.simulated: true`): the example organisation's
 * DAGs with a few days of history, and triggered runs that move one step each time they are
 * read, as a real run would move while it is watched.
 */
export class SimulatedAirflow implements AirflowApi {
  private readonly dags = new Map<string, SimDag>();
  private readonly runs: SimRun[] = [];

  constructor(now = Date.now()) {
    for (const dag of DEMO_DAGS) {
      this.dags.set(dag.dagId, { ...dag, nextRunAt: dag.isPaused ? null : new Date(now + 2 * HOUR).toISOString() });
      for (let day = 5; day >= 1; day--) {
        const failed = dag.flakyTask !== undefined && day % 2 === 1;
        const start = new Date(now - day * 24 * HOUR).toISOString();
        this.runs.push({
          dagId: dag.dagId,
          runId: `scheduled__${start.slice(0, 19)}+00:00`,
          state: failed ? 'failed' : 'success',
          runType: 'scheduled',
          logicalDate: start,
          startDate: start,
          endDate: new Date(Date.parse(start) + 12 * 60_000).toISOString(),
          conf: {},
          note: null,
          tasks: dag.tasks.map((taskId) => ({ taskId, state: (failed && taskId === dag.flakyTask ? 'failed' : 'success') as TaskState, tryNumber: 1, startDate: start, endDate: start, mapIndex: -1 })),
        });
      }
    }
  }

  async listDags(): Promise<AirflowDag[]> {
    return [...this.dags.values()].map((d) => this.publicDag(d));
  }

  async getDag(dagId: string): Promise<AirflowDag> {
    return this.publicDag(this.dag(dagId));
  }

  async setPaused(dagId: string, paused: boolean): Promise<AirflowDag> {
    const dag = this.dag(dagId);
    dag.isPaused = paused;
    dag.nextRunAt = paused ? null : new Date(Date.now() + HOUR).toISOString();
    return this.publicDag(dag);
  }

  async listDagRuns(dagId: string, limit: number): Promise<AirflowDagRun[]> {
    this.dag(dagId);
    return this.runs.filter((r) => r.dagId === dagId).reverse().slice(0, limit).map((r) => this.publicRun(r));
  }

  async triggerDagRun(dagId: string, trigger: TriggerDagRun): Promise<AirflowDagRun> {
    const dag = this.dag(dagId);
    const now = new Date().toISOString();
    const runId = trigger.runId ?? `manual__${now}`;
    if (this.runs.some((r) => r.dagId === dagId && r.runId === runId)) throw new AirflowApiError({ status: 409, request: `POST /dags/${dagId}/dagRuns`, message: `Simulated Airflow already has run ${runId} of ${dagId} (409).`, detail: 'already exists' });
    const run: SimRun = { dagId, runId, state: 'queued', runType: 'manual', logicalDate: now, startDate: null, endDate: null, conf: trigger.conf, note: trigger.note ?? null, tasks: dag.tasks.map((taskId) => ({ taskId, state: null, tryNumber: 0, startDate: null, endDate: null, mapIndex: -1 })) };
    this.runs.push(run);
    return this.publicRun(run);
  }

  async getDagRun(dagId: string, runId: string): Promise<AirflowDagRun> {
    const run = this.run(dagId, runId);
    this.advance(run);
    return this.publicRun(run);
  }

  async listTaskInstances(dagId: string, runId: string): Promise<AirflowTaskInstance[]> {
    return this.run(dagId, runId).tasks.map((t) => ({ ...t }));
  }

  async listTaskInstancesOfRuns(dagId: string, runIds: string[]): Promise<Map<string, AirflowTaskInstance[]>> {
    return new Map(await Promise.all(runIds.map(async (runId) => [runId, await this.listTaskInstances(dagId, runId)] as const)));
  }

  async clearFailedTasks(dagId: string, runId: string, dryRun: boolean): Promise<string[]> {
    const run = this.run(dagId, runId);
    const cleared = run.tasks.filter((t) => t.state === 'failed' || t.state === 'upstream_failed');
    if (!dryRun && cleared.length > 0) {
      for (const t of cleared) t.state = 'scheduled';
      run.state = 'running';
      run.endDate = null;
    }
    return cleared.map((t) => t.taskId);
  }

  /** The demo's lineage comes from tags (`reads:` / `writes:`), not datasets. */
  async listDatasets(): Promise<AirflowDataset[]> {
    return [];
  }

  async getTaskLog(dagId: string, runId: string, taskId: string, tryNumber: number): Promise<string> {
    const task = this.run(dagId, runId).tasks.find((t) => t.taskId === taskId);
    if (!task) throw new AirflowApiError({ status: 404, request: 'GET logs', message: `Simulated Airflow has no task ${taskId} in run ${runId}.`, detail: 'not found' });
    return [`[simulated] attempt ${tryNumber} of ${taskId}`, task.state === 'failed' ? 'ERROR - Search index refresh timed out after 300 s (simulated)' : `Marking task as ${String(task.state).toUpperCase()}.`].join('\n');
  }

  runUrl(dagId: string, runId: string): string {
    return `https://airflow.example.com/dags/${encodeURIComponent(dagId)}/runs/${encodeURIComponent(runId)}`;
  }

  private advance(run: SimRun): void {
    if (run.state === 'success' || run.state === 'failed') return;
    const now = new Date().toISOString();
    if (run.state === 'queued') {
      run.state = 'running';
      run.startDate = now;
      for (const t of run.tasks) if (t.state === null) t.state = 'scheduled';
      return;
    }
    const running = run.tasks.find((t) => t.state === 'running');
    if (running) {
      // The flaky task fails its first try; cleared, it passes.
      running.state = running.taskId === this.dags.get(run.dagId)?.flakyTask && running.tryNumber === 1 ? 'failed' : 'success';
      running.endDate = now;
      if (running.state === 'failed') for (const t of run.tasks) if (t.state === 'scheduled') t.state = 'upstream_failed';
    } else {
      const next = run.tasks.find((t) => t.state === 'scheduled');
      if (next) {
        next.state = 'running';
        next.tryNumber += 1;
        next.startDate = now;
        return;
      }
    }
    if (!run.tasks.some((t) => t.state === 'running' || t.state === 'scheduled')) {
      run.state = run.tasks.some((t) => t.state === 'failed' || t.state === 'upstream_failed') ? ('failed' as DagRunState) : 'success';
      run.endDate = now;
    }
  }

  private dag(dagId: string): SimDag {
    const dag = this.dags.get(dagId);
    if (!dag) throw new AirflowApiError({ status: 404, request: `GET /dags/${dagId}`, message: `Simulated Airflow has no DAG ${dagId} (404).`, detail: 'not found' });
    return dag;
  }

  private run(dagId: string, runId: string): SimRun {
    const run = this.runs.find((r) => r.dagId === dagId && r.runId === runId);
    if (!run) throw new AirflowApiError({ status: 404, request: `GET /dags/${dagId}/dagRuns/${runId}`, message: `Simulated Airflow has no run ${runId} of ${dagId} (404).`, detail: 'not found' });
    return run;
  }

  private publicDag({ tasks: _tasks, flakyTask: _flaky, ...dag }: SimDag): AirflowDag {
    return { ...dag, tags: [...dag.tags], owners: [...dag.owners] };
  }

  private publicRun({ tasks: _tasks, ...run }: SimRun): AirflowDagRun {
    return { ...run };
  }
}

import type { JupyterHubApi, NotebookServer } from '../jupyterhub/jupyterhub-api';
import { JupyterHubApiError } from '../jupyterhub/jupyterhub-api-error';

/** The demo's JupyterHub: named servers in memory, ready on the first read after they start. */
export class SimulatedJupyterHub implements JupyterHubApi {
  private readonly servers = new Map<string, NotebookServer>();

  async getServer(user: string, server: string): Promise<NotebookServer | null> {
    const s = this.servers.get(`${user}/${server}`);
    if (s) s.ready = true;
    return s ? { ...s } : null;
  }

  async startServer(user: string, server: string, userOptions: Record<string, unknown>): Promise<'started' | 'pending'> {
    if (this.servers.has(`${user}/${server}`)) throw new JupyterHubApiError(`JupyterHub (simulated) refused POST /users/${user}/servers/${server} (400): ${user}'s server ${server} is already running.`, 400);
    this.servers.set(`${user}/${server}`, { name: server, ready: false, pending: 'spawn', url: `https://jupyter.example.com/user/${user}/${server}/`, started: new Date().toISOString(), lastActivity: null, userOptions });
    return 'pending';
  }

  async stopServer(user: string, server: string): Promise<boolean> {
    return this.servers.delete(`${user}/${server}`);
  }
}

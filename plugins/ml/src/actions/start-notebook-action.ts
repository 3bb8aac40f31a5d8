import type { ActionDefinition } from '@portico/plugin-api';
import { hoursMs } from '../config/ml-config';
import { hubUserOf } from '../notebooks/notebook-access';
import { noteSimulated, pause, type MlActionDeps } from './ml-action-deps';

interface StartInputs {
  name: string;
  owner: string;
  image: string;
  size: string;
  hours?: number;
}

/** Spin up a remote Jupyter notebook: a named server on JupyterHub with an image and resources, stopped by its timer. */
export function startNotebookAction(deps: MlActionDeps): ActionDefinition<StartInputs> {
  const hub = deps.config.jupyterhub;
  const images = hub?.images ?? [];
  const sizes = hub?.sizes ?? [];
  const ttl = hub?.ttlHours ?? 8;
  const max = hub?.maxHours ?? 72;
  return {
    id: 'ml.start-notebook',
    title: 'Spin up a Jupyter notebook',
    description: `A JupyterHub server of your own with the image and size you pick, for ${ttl} hours unless you say otherwise; extend it while you need it.`,
    icon: 'terminal',
    operation: 'create',
    permission: 'ml.notebook.start',
    timeoutMs: deps.config.readyTimeoutMs + 60_000,
    inputSchema: {
      type: 'object',
      additionalProperties: false,
      required: ['name', 'owner', 'image', 'size'],
      properties: {
        // JupyterHub 6's rule for new server names.
        name: { type: 'string', title: 'Name', description: 'Lower-case letters and digits, single dashes between; at most 30.', pattern: '^[a-z](-?[a-z0-9])*$', maxLength: 30 },
        owner: { type: 'string', title: 'Team', format: 'team' },
        image: { type: 'string', title: 'Image', ...(images.length ? { enum: images.map((i) => i.id), default: images[0].id } : {}) },
        size: { type: 'string', title: 'Size', ...(sizes.length ? { enum: sizes.map((s) => s.id), default: sizes[0].id } : {}) },
        hours: { type: 'number', title: 'Hours', description: `How long it runs before it stops by itself (at most ${max}).`, exclusiveMinimum: 0, maximum: max, default: ttl },
      },
    },
    invocation: {
      type: 'handler',
      async handler(ctx) {
        noteSimulated(ctx, deps.config);
        const user = hubUserOf(ctx.actor);
        if (!user) throw new Error(`A notebook belongs to a person on JupyterHub; ${ctx.actor} is not one. Start it signed in as yourself.`);
        const image = images.find((i) => i.id === ctx.inputs.image);
        const size = sizes.find((s) => s.id === ctx.inputs.size);
        if (!image || !size) throw new Error(`Unknown ${!image ? `image "${ctx.inputs.image}"` : `size "${ctx.inputs.size}"`}; pick one of the form's choices.`);
        const id = `${user.toLowerCase().replace(/[^a-z0-9-]/g, '-')}.${ctx.inputs.name}`;
        const existing = await ctx.catalog.get({ kind: 'ml-notebook', id });
        if (existing && existing.properties.status !== 'stopped' && existing.properties.status !== 'failed') throw new Error(`You have a notebook "${ctx.inputs.name}" already (${existing.properties.status}); open it, or pick another name.`);
        const now = Date.now();
        const expiresAt = new Date(now + hoursMs(deps.config, ctx.inputs.hours ?? ttl)).toISOString();
        // Recorded first, with its timer: whatever fails later, the stop still finds it.
        await ctx.catalog.upsert({
          kind: 'ml-notebook',
          id,
          title: `${user}'s notebook ${ctx.inputs.name}`,
          owner: ctx.inputs.owner,
          properties: { user, serverName: ctx.inputs.name, image: image.image, size: size.id, cpu: size.cpu, memory: size.memory, gpu: size.gpu, url: null, status: 'starting', startedAt: new Date(now).toISOString(), expiresAt, maxExpiresAt: new Date(now + hoursMs(deps.config, max)).toISOString(), stoppedAt: null, error: null },
        });
        const api = deps.jupyterhub();
        try {
          const started = await api.startServer(user, ctx.inputs.name, { image: image.image, cpu: size.cpu, memory: size.memory, gpu: size.gpu, size: size.id });
          ctx.logger.info(`JupyterHub is starting ${user}'s server ${ctx.inputs.name} (${image.image}, ${size.cpu} CPU, ${size.memory}${size.gpu ? `, ${size.gpu} GPU` : ''})${started === 'pending' ? '; waiting for the spawner' : ''}`);
          const deadline = Date.now() + deps.config.readyTimeoutMs;
          let server = await api.getServer(user, ctx.inputs.name);
          while (!server?.ready) {
            if (server === null && started !== 'pending') throw new Error(`JupyterHub does not list the server ${ctx.inputs.name} it just started; the spawner may have failed at once. See the hub's log.`);
            if (Date.now() > deadline || ctx.signal.aborted) throw new Error(`The server was not ready after ${Math.round(deps.config.readyTimeoutMs / 1000)} s; it may still be pulling ${image.image}. Check it on JupyterHub.`);
            await pause(deps.config.pollMs, ctx.signal);
            server = await api.getServer(user, ctx.inputs.name);
          }
          await ctx.catalog.patch({ kind: 'ml-notebook', id }, { properties: { status: 'ready', url: server.url } });
          if (server.url) ctx.addLink({ title: `Notebook ${ctx.inputs.name}`, url: server.url });
          ctx.logger.info(`Notebook ${ctx.inputs.name} is ready until ${expiresAt}`);
          ctx.setOutput('notebook', id);
          ctx.setOutput('expiresAt', expiresAt);
        } catch (error) {
          await ctx.catalog.patch({ kind: 'ml-notebook', id }, { properties: { status: 'failed', error: (error as Error).message } });
          throw error;
        }
      },
    },
  };
}

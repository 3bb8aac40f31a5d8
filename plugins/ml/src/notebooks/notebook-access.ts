import type { ActionContext, Entity } from '@portico/plugin-api';

/** `user:alice` → `alice`: the JupyterHub user a person's notebooks belong to. */
export function hubUserOf(actor: string): string | null {
  // The dev-mode guest (a development portal only) gets notebooks of its own, as `guest`.
  return actor.startsWith('user:') ? actor.slice(5) : actor === 'guest' ? 'guest' : null;
}

/**
 * Who may extend or stop a notebook: the person whose server it is, the plugin's own automation
 * (its timer), and the dev-mode guest. A notebook holds someone's work in progress, so nobody else.
 */
export function requireNotebookOwner(ctx: ActionContext<unknown>, notebook: Entity, what: string): void {
  if (ctx.actor.startsWith('plugin:') || ctx.actor === 'guest') return;
  if (hubUserOf(ctx.actor) === notebook.properties.user) return;
  throw new Error(`Only ${String(notebook.properties.user)}, whose notebook ${notebook.id} is, may ${what}.`);
}

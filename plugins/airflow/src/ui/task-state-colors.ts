/** Theme colours of Airflow's states, as Airflow's own grid colours them (green, red, blue…). */
export function stateColor(state: string | null): string {
  switch (state) {
    case 'success':
      return 'success.main';
    case 'failed':
      return 'error.main';
    case 'upstream_failed':
      return 'warning.main';
    case 'running':
      return 'info.main';
    case 'up_for_retry':
    case 'up_for_reschedule':
    case 'restarting':
      return 'warning.light';
    case 'queued':
    case 'scheduled':
    case 'deferred':
      return 'grey.500';
    case 'skipped':
    case 'removed':
      return 'grey.300';
    default:
      return 'transparent';
  }
}

/** How a state reads in words ("upstream failed", "no status"). */
export function stateLabel(state: string | null): string {
  return state ? state.replace(/_/g, ' ') : 'no status';
}

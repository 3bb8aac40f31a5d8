import type { ReactElement } from 'react';
import Chip, { type ChipProps } from '@mui/material/Chip';
import type { RunStatus as RunStatusValue } from '@portico/plugin-api';

const COLORS: Record<RunStatusValue, ChipProps['color']> = {
  queued: 'default',
  waiting_for_approval: 'warning',
  running: 'info',
  succeeded: 'success',
  failed: 'error',
  cancelled: 'default',
  declined: 'error',
  timed_out: 'error',
};

/**
 * A run's status as a coloured chip; `data-status` carries the raw value for tests and styling.
 * @alpha
 */
export function RunStatus({ status, size = 'small' }: { status: RunStatusValue; size?: ChipProps['size'] }): ReactElement {
  return <Chip label={status.replace(/_/g, ' ')} color={COLORS[status] ?? 'default'} size={size} data-status={status} aria-label={`Run status: ${status.replace(/_/g, ' ')}`} />;
}

import { useState, type ReactElement } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useApi } from '@portico/ui-api';
import { useDebouncedValue } from '../../layout/use-debounced-value';
import { auditSearch, NO_AUDIT_FILTERS, type AuditFilters } from './audit-search';

interface AuditRecord {
  seq: number;
  at: string;
  actor: string;
  via?: string;
  action: string;
  method?: string;
  path?: string;
  status?: number;
  outcome: 'ok' | 'refused' | 'failed';
  requestId?: string;
  target?: string;
  beforeDigest?: string;
  afterDigest?: string;
  note?: Record<string, unknown>;
}

interface Verification {
  ok: boolean;
  checked: number;
  firstSeq?: number;
  brokenAt?: number;
  reason?: string;
}

const PAGE_SIZE = 50;
const OUTCOME_COLOR = { ok: 'success', refused: 'warning', failed: 'error' } as const;

/** Whether the hash chain holds, checked by the server over every kept record. */
function ChainStatus(): ReactElement {
  const { data, error, loading, reload } = useApi<Verification>('/audit/verify');
  if (error) return <Alert severity="error">{error.message}</Alert>;
  if (loading && !data) return <span aria-busy="true" />;
  const checkAgain = (
    <Button size="small" onClick={reload}>
      Check again
    </Button>
  );
  if (data && !data.ok) {
    return (
      <Alert severity="error" role="status" data-chain="broken" action={checkAgain}>
        The audit chain is broken at record #{data.brokenAt}: {data.reason}. Records before it ({data.checked} checked) hold; treat this record and those after it as tampered with.
      </Alert>
    );
  }
  return (
    <Alert severity="success" role="status" data-chain="ok" action={checkAgain}>
      Chain verified: {data?.checked ?? 0} records{data?.firstSeq && data.firstSeq > 1 ? ` (from #${data.firstSeq}; older ones passed retention)` : ''} follow one another unchanged.
    </Alert>
  );
}

function Digest({ label, value }: { label: string; value?: string }): ReactElement | null {
  if (!value) return null;
  return (
    <Tooltip title={`${label}: ${value}`}>
      <Typography component="span" variant="caption" sx={{ fontFamily: 'monospace', display: 'block' }}>
        {label} {value.slice('sha256:'.length, 'sha256:'.length + 8)}
      </Typography>
    </Tooltip>
  );
}

/** The audit log for holders of `audit.read`: filters, pages (by cursor), an export and the chain's status. */
export default function AuditAdmin(): ReactElement {
  const [filters, setFilters] = useState<AuditFilters>(NO_AUDIT_FILTERS);
  // The cursors of the pages before this one, so "Newer" can go back.
  const [cursors, setCursors] = useState<Array<string | undefined>>([undefined]);
  const settled = useDebouncedValue(filters, 300);
  const cursor = cursors[cursors.length - 1];
  const { data, error, loading } = useApi<{ items: AuditRecord[]; nextCursor: string | null }>(`/audit${auditSearch(settled, { cursor, limit: PAGE_SIZE })}`);
  const change = (name: keyof AuditFilters) => (event: { target: { value: string } }) => {
    setFilters((current) => ({ ...current, [name]: event.target.value }));
    setCursors([undefined]);
  };
  return (
    <Stack spacing={2}>
      <ChainStatus />
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }} component="form" aria-label="Audit filters" onSubmit={(event) => event.preventDefault()}>
        <TextField size="small" label="Actor" placeholder="user:alice" value={filters.actor} onChange={change('actor')} />
        <TextField size="small" label="Action" placeholder="patchEntity" value={filters.action} onChange={change('action')} />
        <TextField size="small" label="Target" placeholder="component:cart" value={filters.target} onChange={change('target')} />
        <TextField size="small" select label="Outcome" value={filters.outcome} onChange={change('outcome')} sx={{ minWidth: 130 }}>
          <MenuItem value="">Any</MenuItem>
          <MenuItem value="ok">ok</MenuItem>
          <MenuItem value="refused">refused</MenuItem>
          <MenuItem value="failed">failed</MenuItem>
        </TextField>
        <TextField size="small" type="datetime-local" label="From" value={filters.from} onChange={change('from')} slotProps={{ inputLabel: { shrink: true } }} />
        <TextField size="small" type="datetime-local" label="To" value={filters.to} onChange={change('to')} slotProps={{ inputLabel: { shrink: true } }} />
        <TextField size="small" select label="Order" value={filters.order} onChange={change('order')} sx={{ minWidth: 140 }}>
          <MenuItem value="newest">Newest first</MenuItem>
          <MenuItem value="oldest">Oldest first</MenuItem>
        </TextField>
        {/* A plain link: the browser downloads the JSON lines with the page's own credentials. */}
        <Button variant="outlined" component="a" href={`/api/v1/audit/export${auditSearch(settled, { forExport: true })}`} download>
          Export (JSON lines)
        </Button>
      </Stack>
      {error ? <Alert severity="error">{error.message}</Alert> : null}
      <Table size="small" aria-label="Audit records" aria-busy={loading}>
        <TableHead>
          <TableRow>
            <TableCell>#</TableCell>
            <TableCell>Time</TableCell>
            <TableCell>Actor</TableCell>
            <TableCell>Action</TableCell>
            <TableCell>Request</TableCell>
            <TableCell>Outcome</TableCell>
            <TableCell>Target</TableCell>
            <TableCell>Before / after</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {(data?.items ?? []).map((record) => (
            <TableRow key={record.seq} data-seq={record.seq}>
              <TableCell>{record.seq}</TableCell>
              <TableCell>
                <time dateTime={record.at}>{new Date(record.at).toLocaleString()}</time>
              </TableCell>
              <TableCell>
                {record.actor}
                {record.via ? <Typography variant="caption" sx={{ display: 'block' }}>{record.via}</Typography> : null}
              </TableCell>
              <TableCell>{record.action}</TableCell>
              <TableCell>
                {record.method ? `${record.method} ${record.path ?? ''}` : '—'}
                {record.requestId ? <Typography variant="caption" sx={{ display: 'block', fontFamily: 'monospace' }}>{record.requestId}</Typography> : null}
              </TableCell>
              <TableCell>
                <Chip size="small" color={OUTCOME_COLOR[record.outcome]} label={record.status ? `${record.outcome} ${record.status}` : record.outcome} />
              </TableCell>
              <TableCell>{record.target ?? '—'}</TableCell>
              <TableCell>
                <Digest label="before" value={record.beforeDigest} />
                <Digest label="after" value={record.afterDigest} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {data && data.items.length === 0 ? <Typography color="text.secondary">No records on this page{data.nextCursor ? ': more may match further on.' : '.'}</Typography> : null}
      <Stack direction="row" spacing={1}>
        <Button disabled={cursors.length < 2} onClick={() => setCursors((list) => list.slice(0, -1))}>
          Previous page
        </Button>
        <Button disabled={!data?.nextCursor} onClick={() => data?.nextCursor && setCursors((list) => [...list, data.nextCursor ?? undefined])}>
          Next page
        </Button>
      </Stack>
    </Stack>
  );
}

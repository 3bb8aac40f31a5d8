import type { ReactElement } from 'react';
import Alert from '@mui/material/Alert';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { Entity, KindDefinition } from '@portico/plugin-api';
import { EntityLink, InfoCard, useApi, useCatalogQuery, type WidgetProps } from '@portico/ui-api';

interface Row {
  label: string;
  refs: Array<{ kind: string; id: string; title?: string }>;
}

function asList(value: string | string[] | null | undefined): string[] {
  return value == null ? [] : Array.isArray(value) ? value : [value];
}

/** Forward relations from the kind's definition; inverse ones from entities that point here. */
export function relationRows(entity: Entity, kind: KindDefinition | undefined, kinds: KindDefinition[], pointing: Entity[]): Row[] {
  const rows: Row[] = [];
  if (entity.owner) rows.push({ label: 'Owned by', refs: [{ kind: kind?.ownerKind ?? 'team', id: entity.owner }] });
  for (const [name, relation] of Object.entries(kind?.relations ?? {})) {
    const ids = asList(entity.relations[name]);
    if (ids.length > 0) rows.push({ label: relation.title ?? name, refs: ids.map((id) => ({ kind: relation.target, id })) });
  }
  const inverse = new Map<string, Row>();
  for (const other of pointing) {
    const otherKind = kinds.find((k) => k.id === other.kind);
    if (other.owner === entity.id && otherKind?.ownerKind === entity.kind) {
      const row = inverse.get('Owner of') ?? { label: 'Owner of', refs: [] };
      row.refs.push(other);
      inverse.set('Owner of', row);
    }
    for (const [name, relation] of Object.entries(otherKind?.relations ?? {})) {
      if (relation.target !== entity.kind || !asList(other.relations[name]).includes(entity.id)) continue;
      const label = relation.inverseTitle ?? relation.inverse ?? `${name} (inverse)`;
      const row = inverse.get(label) ?? { label, refs: [] };
      row.refs.push(other);
      inverse.set(label, row);
    }
  }
  return [...rows, ...inverse.values()];
}

/** Every relation of an entity, both directions, as links. */
export function RelationsCard({ entity, widget }: WidgetProps): ReactElement {
  const kinds = useApi<KindDefinition[] | { items: KindDefinition[] }>('/kinds');
  const pointing = useCatalogQuery(entity ? { filter: { combinator: 'and', rules: [{ operator: 'relatedTo', kind: entity.kind, id: entity.id, direction: 'downstream', maxHops: 1 }] }, limit: 100 } : null);
  const ownedHere = useCatalogQuery(entity && entity.kind === 'team' ? { filter: { combinator: 'and', rules: [{ property: 'owner', operator: '=', value: entity.id }] }, limit: 100 } : null);
  const kindList = Array.isArray(kinds.data) ? kinds.data : (kinds.data?.items ?? []);
  // Outgoing relations hold ids only: fetch the targets once to show their titles.
  const targetIds = entity ? [...new Set([entity.owner, ...Object.values(entity.relations).flatMap((v) => asList(v))].filter((id): id is string => Boolean(id)))] : [];
  const targets = useCatalogQuery(targetIds.length > 0 ? { filter: { combinator: 'and', rules: [{ property: 'id', operator: 'in', value: targetIds }] }, limit: 200 } : null);
  if (!entity) return <InfoCard title={widget.title} />;
  const titles = new Map((targets.data?.items ?? []).map((t) => [`${t.kind}:${t.id}`, t.title]));
  const rows = relationRows(entity, kindList.find((k) => k.id === entity.kind), kindList, [...(pointing.data?.items ?? []), ...(ownedHere.data?.items ?? [])]).map((row) => ({
    ...row,
    refs: row.refs.map((ref) => ({ ...ref, title: ref.title ?? titles.get(`${ref.kind}:${ref.id}`) })),
  }));
  return (
    <InfoCard title={widget.title}>
      {(kinds.error ?? pointing.error) && <Alert severity="error">{(kinds.error ?? pointing.error)!.message}</Alert>}
      {rows.length === 0 && !pointing.loading && <Typography color="text.secondary">No relations.</Typography>}
      <Table size="small" data-testid="relations-table">
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.label}>
              <TableCell component="th" scope="row" sx={{ whiteSpace: 'nowrap', verticalAlign: 'top' }}>
                {row.label}
              </TableCell>
              <TableCell>
                {row.refs.map((ref, i) => (
                  <span key={`${ref.kind}:${ref.id}`}>
                    {i > 0 && ', '}
                    <EntityLink entity={ref} />
                  </span>
                ))}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </InfoCard>
  );
}

import { useMemo, type ReactElement } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Breadcrumbs from '@mui/material/Breadcrumbs';
import Chip from '@mui/material/Chip';
import CircularProgress from '@mui/material/CircularProgress';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import { managedInCode, type JsonSchema } from '@portico/plugin-api';
import { EntityLink, InfoCard, navigate, PageHeader, PortalLink, useApi, useEntity, usePortalLocation, WrapRow } from '@portico/ui-api';
import { useKinds } from '../../kinds/kinds-provider';
import { PropertyValue } from '../../format/property-value';
import { CardSlot } from '../../slots/card-slot';
import { SlotWidget } from '../../slots/slot-widget';
import { useSlotWidgets } from '../../slots/use-slot-widgets';
import { ActionsMenu } from './actions-menu';
import { EntityControls } from './entity-controls';
import { normalizeRelations, relationsFromEntity, withTitles, type RelationLink } from './entity-relations';
import { useEntityTitles } from './use-entity-titles';
import { RelationsGraph } from './relations-graph';

function RelationList({ title, links }: { title: string; links: RelationLink[] }): ReactElement | null {
  if (links.length === 0) return null;
  return (
    <Box>
      <Typography variant="subtitle2" component="h3">
        {title}
      </Typography>
      <Box component="ul" sx={{ pl: 2, my: 0.5 }}>
        {links.map((link) => (
          <li key={`${link.relation}:${link.entity.kind}:${link.entity.id}`}>
            <Typography variant="body2" component="span" color="text.secondary">
              {link.title}:{' '}
            </Typography>
            <EntityLink entity={link.entity} />
            <Typography variant="caption" color="text.secondary">
              {' '}
              ({link.entity.kind})
            </Typography>
          </li>
        ))}
      </Box>
    </Box>
  );
}

/** One entity: header, properties by format, relations both ways with a graph, plugin tabs and cards, actions. */
export function EntityPage({ kindId, entityId }: { kindId: string; entityId: string }): ReactElement {
  const ref = useMemo(() => ({ kind: kindId, id: entityId }), [kindId, entityId]);
  const { data: entity, error, loading, reload } = useEntity(ref);
  const { byId } = useKinds();
  const kind = byId.get(kindId);
  const relationsAnswer = useApi<unknown>(`/entities/${encodeURIComponent(kindId)}/${encodeURIComponent(entityId)}/relations`);
  const { search } = usePortalLocation();
  const tabs = useSlotWidgets('entity.tabs', entity);
  const tab = search.get('tab') ?? 'overview';
  const rawLinks = entity ? (relationsAnswer.error || !relationsAnswer.data ? relationsFromEntity(entity, kind) : normalizeRelations(relationsAnswer.data)) : [];
  const titles = useEntityTitles(rawLinks.map((link) => link.entity));

  if (error) return <Alert severity="error">{error.message}</Alert>;
  if (!entity) return loading ? <CircularProgress aria-label="Loading entity" /> : <Alert severity="warning">Not found</Alert>;

  const links = withTitles(rawLinks, titles);
  const properties = kind?.schema.properties ?? {};
  const shownNames = [...new Set([...Object.keys(properties), ...Object.keys(entity.properties)])];
  const computed = Object.entries(entity.computed ?? {});
  const codeFile = managedInCode(entity);
  const entityLinks = Object.entries(entity.properties).filter(([name, value]) => typeof value === 'string' && /^https?:\/\//.test(value) && ['url', 'uri'].includes(String((properties[name] as JsonSchema | undefined)?.format)));
  const selectTab = (value: string): void => navigate(`${window.location.pathname}${value === 'overview' ? '' : `?tab=${encodeURIComponent(value)}`}`, { replace: true });

  return (
    <Stack spacing={2}>
      <Breadcrumbs aria-label="Breadcrumb">
        <PortalLink to="/catalog">Catalog</PortalLink>
        <PortalLink to={`/catalog/${encodeURIComponent(kindId)}`}>{kind?.title ?? kindId}</PortalLink>
        <Typography color="text.primary">{entity.title}</Typography>
      </Breadcrumbs>
      <PageHeader
        title={entity.title}
        actions={
          <>
            <EntityControls entity={entity} kind={kind} onChanged={reload} />
            <ActionsMenu entity={ref} />
          </>
        }
      >
        <WrapRow sx={{ mt: 1 }}>
          <Chip size="small" label={kind?.title ?? entity.kind} />
          <Typography variant="body2" color="text.secondary" sx={{ overflowWrap: 'anywhere' }}>
            {entity.kind}:{entity.id}
          </Typography>
          {codeFile && <Chip size="small" variant="outlined" label={`managed in code: ${codeFile}`} title={kind?.allowOverrides ? 'Applied from this catalog file; direct edits are allowed, and the next apply writes the file back.' : 'Applied from this catalog file: change it there and apply it.'} />}
          {entity.owner && (
            <Typography variant="body2" component="span">
              Owner: <EntityLink entity={{ kind: kind?.ownerKind ?? 'team', id: entity.owner }} />
            </Typography>
          )}
          {entityLinks.map(([name, value]) => (
            <Link key={name} href={String(value)} target="_blank" rel="noreferrer" variant="body2">
              {(properties[name] as JsonSchema | undefined)?.title ?? name}
            </Link>
          ))}
        </WrapRow>
        {entity.description && <Typography sx={{ mt: 1 }}>{entity.description}</Typography>}
      </PageHeader>
      <Tabs value={tabs.some((widget) => widget.id === tab) ? tab : 'overview'} onChange={(_event, value: string) => selectTab(value)} aria-label="Entity sections" variant="scrollable" scrollButtons="auto" allowScrollButtonsMobile>
        <Tab value="overview" label="Overview" />
        {tabs.map((widget) => (
          <Tab key={widget.id} value={widget.id} label={widget.title} />
        ))}
      </Tabs>
      {tabs.some((widget) => widget.id === tab) ? (
        <Box role="tabpanel" aria-label={tabs.find((widget) => widget.id === tab)?.title}>
          <SlotWidget widget={tabs.find((widget) => widget.id === tab)!} entity={entity} />
        </Box>
      ) : (
        <Stack spacing={2} role="tabpanel" aria-label="Overview">
          <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: '3fr 2fr' } }}>
            <InfoCard title="Properties">
              <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: { xs: 'minmax(0, 1fr)', sm: 'minmax(120px, max-content) minmax(0, 1fr)' }, columnGap: 2, rowGap: { xs: 0.25, sm: 1 }, m: 0, '& dd': { overflowWrap: 'anywhere', mb: { xs: 1, sm: 0 } } }}>
                {shownNames.map((name) => (
                  <Box key={name} sx={{ display: 'contents' }} data-property={name}>
                    <Typography component="dt" variant="body2" color="text.secondary">
                      {(properties[name] as JsonSchema | undefined)?.title ?? name}
                    </Typography>
                    <Box component="dd" sx={{ m: 0, minWidth: 0 }}>
                      <PropertyValue value={entity.properties[name]} schema={properties[name] as JsonSchema | undefined} />
                    </Box>
                  </Box>
                ))}
                {computed.map(([name, value]) => (
                  <Box key={name} sx={{ display: 'contents' }} data-property={name}>
                    <Typography component="dt" variant="body2" color="text.secondary">
                      {name}
                    </Typography>
                    <Box component="dd" sx={{ m: 0 }}>
                      <PropertyValue value={value} />
                    </Box>
                  </Box>
                ))}
              </Box>
            </InfoCard>
            <InfoCard title="Relations">
              {links.length === 0 ? (
                <Typography color="text.secondary">No relations.</Typography>
              ) : (
                <Stack spacing={1}>
                  <RelationList title="Points to" links={links.filter((link) => link.direction === 'outgoing')} />
                  <RelationList title="Referenced by" links={links.filter((link) => link.direction === 'incoming')} />
                  <Paper variant="outlined" sx={{ display: 'flex', justifyContent: 'center' }}>
                    <RelationsGraph entity={entity} links={links} />
                  </Paper>
                </Stack>
              )}
            </InfoCard>
          </Box>
          <CardSlot slot="entity.cards" entity={entity} />
        </Stack>
      )}
    </Stack>
  );
}

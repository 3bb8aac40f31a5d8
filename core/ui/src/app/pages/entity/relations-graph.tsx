import type { ReactElement } from 'react';
import { useTheme } from '@mui/material/styles';
import type { Entity } from '@portico/plugin-api';
import { entityPath, navigate } from '@portico/ui-api';
import type { RelationLink } from './entity-relations';

const SIZE = 360;
const CENTER = SIZE / 2;
const RADIUS = 130;

function label(text: string, max = 16): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The entity in the middle, its related entities around it; arrows point from source to target. */
export function RelationsGraph({ entity, links }: { entity: Entity; links: RelationLink[] }): ReactElement {
  const theme = useTheme();
  const shown = links.slice(0, 16);
  const stroke = theme.palette.text.secondary;
  return (
    <svg viewBox={`0 0 ${SIZE} ${SIZE}`} width="100%" style={{ maxWidth: SIZE }} role="figure" aria-label={`Relations graph of ${entity.title}: ${links.length} related entities`}>
      <defs>
        <marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
          <path d="M 0 0 L 10 5 L 0 10 z" fill={stroke} />
        </marker>
      </defs>
      {shown.map((link, index) => {
        const angle = (2 * Math.PI * index) / Math.max(shown.length, 1) - Math.PI / 2;
        const x = CENTER + RADIUS * Math.cos(angle);
        const y = CENTER + RADIUS * Math.sin(angle);
        const [x1, y1, x2, y2] = link.direction === 'outgoing' ? [CENTER, CENTER, x, y] : [x, y, CENTER, CENTER];
        const shorten = (ax: number, ay: number, bx: number, by: number): [number, number] => {
          const length = Math.hypot(bx - ax, by - ay) || 1;
          return [bx - ((bx - ax) / length) * 28, by - ((by - ay) / length) * 28];
        };
        const [ex, ey] = shorten(x1, y1, x2, y2);
        return (
          <g key={`${link.direction}:${link.relation}:${link.entity.kind}:${link.entity.id}`}>
            <line x1={x1} y1={y1} x2={ex} y2={ey} stroke={stroke} strokeWidth={1.2} markerEnd="url(#arrow)" />
            <text x={(CENTER + x) / 2} y={(CENTER + y) / 2 - 4} fontSize={9} fill={stroke} textAnchor="middle">
              {label(link.title, 14)}
            </text>
            <a
              href={entityPath(link.entity)}
              onClick={(event) => {
                event.preventDefault();
                navigate(entityPath(link.entity));
              }}
            >
              <circle cx={x} cy={y} r={24} fill={theme.palette.background.paper} stroke={theme.palette.primary.main} />
              <text x={x} y={y + 3} fontSize={9} textAnchor="middle" fill={theme.palette.text.primary}>
                {label(link.entity.title ?? link.entity.id, 10)}
              </text>
              <title>{`${link.entity.kind}:${link.entity.id}`}</title>
            </a>
          </g>
        );
      })}
      <circle cx={CENTER} cy={CENTER} r={30} fill={theme.palette.primary.main} />
      <text x={CENTER} y={CENTER + 4} fontSize={10} textAnchor="middle" fill={theme.palette.primary.contrastText}>
        {label(entity.title || entity.id, 11)}
      </text>
    </svg>
  );
}

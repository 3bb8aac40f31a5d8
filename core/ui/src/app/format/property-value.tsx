import type { ReactElement } from 'react';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import type { JsonSchema } from '@portico/plugin-api';
import { EntityLink } from '@portico/ui-api';
import { visuallyHidden } from '../layout/visually-hidden';
import { CountdownText } from './countdown-text';
import { MarkdownView } from './markdown-view';
import { relativeTime } from './relative-time';

/** Renders one property by its schema's format: links, Markdown, relative times, countdowns, people. */
export function PropertyValue({ value, schema, compact = false }: { value: unknown; schema?: JsonSchema; compact?: boolean }): ReactElement {
  if (value === null || value === undefined || value === '') return (
      <span>
        <span aria-hidden="true">—</span>
        <Box component="span" sx={visuallyHidden}>
          empty
        </Box>
      </span>
    );
  const format = schema?.format;
  if (Array.isArray(value)) {
    return (
      <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
        {value.map((item, index) => (
          <PropertyValue key={index} value={item} schema={schema?.items} compact />
        ))}
      </Stack>
    );
  }
  if (typeof value === 'boolean') return <span>{value ? 'Yes' : 'No'}</span>;
  if (typeof value === 'object') return <code style={{ fontSize: '0.8rem' }}>{JSON.stringify(value)}</code>;
  const text = String(value);
  switch (format) {
    case 'url':
    case 'uri':
      return /^https?:\/\//.test(text) ? <Link href={text} target="_blank" rel="noreferrer">{compact ? text.replace(/^https?:\/\//, '') : text}</Link> : <span>{text}</span>;
    case 'email':
      return <Link href={`mailto:${text}`}>{text}</Link>;
    case 'markdown':
      return compact ? <span>{text.slice(0, 80)}</span> : <MarkdownView source={text} />;
    case 'date-time':
    case 'date':
      return <time dateTime={text} title={new Date(text).toLocaleString()}>{relativeTime(text)}</time>;
    case 'timer':
      return <CountdownText deadline={text} />;
    case 'user':
      return <Chip size="small" variant="outlined" label={text.replace(/^user:/, '')} data-format="user" />;
    case 'team':
      return <Chip size="small" variant="outlined" color="primary" label={<EntityLink entity={{ kind: 'team', id: text }}>{text}</EntityLink>} data-format="team" />;
    default:
      if (schema?.enum || typeof value === 'number') return compact && schema?.enum ? <Chip size="small" label={text} /> : <span>{text}</span>;
      return <span>{text}</span>;
  }
}

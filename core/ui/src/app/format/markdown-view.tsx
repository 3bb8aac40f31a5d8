import type { ReactElement, ReactNode } from 'react';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';

// A small Markdown subset rendered to React elements (never innerHTML, so entity data cannot
// inject markup): headings, paragraphs, lists, fenced code, **bold**, *italic*, `code`, links.
function inline(text: string, keyBase: string): ReactNode[] {
  const out: ReactNode[] = [];
  const pattern = /(\*\*[^*]+\*\*|\*[^*]+\*|`[^`]+`|\[[^\]]+\]\([^)\s]+\))/g;
  let last = 0;
  let index = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > last) out.push(text.slice(last, match.index));
    const token = match[0];
    const key = `${keyBase}-${index++}`;
    if (token.startsWith('**')) out.push(<strong key={key}>{token.slice(2, -2)}</strong>);
    else if (token.startsWith('`')) out.push(<code key={key}>{token.slice(1, -1)}</code>);
    else if (token.startsWith('[')) {
      const [, label, href] = /^\[([^\]]+)\]\(([^)\s]+)\)$/.exec(token) ?? [];
      const safe = /^(https?:|mailto:|\/)/.test(href ?? '') ? href : undefined;
      out.push(safe ? <Link key={key} href={safe} target="_blank" rel="noreferrer">{label}</Link> : label);
    } else out.push(<em key={key}>{token.slice(1, -1)}</em>);
    last = match.index + token.length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

export function MarkdownView({ source }: { source: string }): ReactElement {
  const blocks: ReactNode[] = [];
  const lines = source.replace(/\r\n/g, '\n').split('\n');
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    const key = `b${i}`;
    if (line.startsWith('```')) {
      const code: string[] = [];
      i++;
      while (i < lines.length && !lines[i].startsWith('```')) code.push(lines[i++]);
      i++;
      blocks.push(<pre key={key} style={{ overflowX: 'auto' }}><code>{code.join('\n')}</code></pre>);
    } else if (/^#{1,6}\s/.test(line)) {
      const level = Math.min(6, (line.match(/^#+/)?.[0].length ?? 1) + 2) as 3 | 4 | 5 | 6;
      blocks.push(<Typography key={key} variant={`h${level}` as 'h6'} component={`h${level}` as 'h6'} sx={{ fontSize: '1.05rem', mt: 1 }}>{inline(line.replace(/^#+\s/, ''), key)}</Typography>);
      i++;
    } else if (/^\s*[-*]\s/.test(line)) {
      const items: ReactNode[] = [];
      while (i < lines.length && /^\s*[-*]\s/.test(lines[i])) {
        items.push(<li key={`${key}-${items.length}`}>{inline(lines[i].replace(/^\s*[-*]\s/, ''), `${key}-${items.length}`)}</li>);
        i++;
      }
      blocks.push(<ul key={key}>{items}</ul>);
    } else if (line.trim() === '') {
      i++;
    } else {
      const paragraph: string[] = [];
      while (i < lines.length && lines[i].trim() !== '' && !/^(#|```|\s*[-*]\s)/.test(lines[i])) paragraph.push(lines[i++]);
      blocks.push(<Typography key={key} variant="body2" component="p" sx={{ my: 0.5 }}>{inline(paragraph.join(' '), key)}</Typography>);
    }
  }
  return <div className="markdown">{blocks}</div>;
}

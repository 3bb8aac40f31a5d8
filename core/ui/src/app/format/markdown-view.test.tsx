import { renderToStaticMarkup } from 'react-dom/server';
import { MarkdownView } from './markdown-view';

test('renders headings, lists, code and inline marks', () => {
  const html = renderToStaticMarkup(<MarkdownView source={'# Runbook\n\nRestart **carefully**, see `kubectl`.\n\n- one\n- *two*\n\n```\nnpm ci\n```'} />);
  expect(html).toContain('>Runbook</h3>');
  expect(html).toContain('Restart <strong>carefully</strong>, see <code>kubectl</code>.');
  expect(html).toContain('<ul><li>one</li><li><em>two</em></li></ul>');
  expect(html).toContain('<pre style="overflow-x:auto"><code>npm ci</code></pre>');
});

test('entity text cannot inject markup or script links', () => {
  const html = renderToStaticMarkup(<MarkdownView source={'<img src=x onerror=alert(1)> [click](javascript:alert(1)) [docs](https://docs.example.com)'} />);
  expect(html).not.toContain('<img');
  expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  expect(html).not.toContain('javascript:');
  expect(html).toContain('href="https://docs.example.com"');
});

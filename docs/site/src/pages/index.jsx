// The site's front page: where to start. (A React page, not Markdown: the docs plugin reads
// every Markdown file under docs/, this folder's parent, as a guide.)
import React from 'react';
import Link from '@docusaurus/Link';
import Layout from '@theme/Layout';

const START = [
  ['/docs/getting-started', 'Getting started', 'run the demo portal, then make it your company\u2019s'],
  ['/docs/configuration', 'Configuration', 'portico.config.yaml, every section'],
  ['/docs/security', 'Security', 'identities, roles, ownership, tokens, secrets and the audit log'],
  ['/docs/plugin-authors-guide', 'Writing a plugin', 'kinds, actions, widgets, providers and routes'],
  ['/api/', 'REST API', 'every route of the demo portal and its plugins; a running portal serves its own, live, at /api/docs'],
];

export default function Home() {
  return (
    <Layout title="Portico" description="An open-source TypeScript framework for internal developer portals">
      <main className="container margin-vert--lg">
        <h1>Portico</h1>
        <p>
          An open-source TypeScript framework for internal developer portals: a catalog of everything an engineering organisation runs, self-service actions on
          it, and a web UI, all extended by plugins.
        </p>
        <ul>
          {START.map(([to, label, what]) => (
            <li key={to}>
              <Link to={to}>{label}</Link>: {what}.
            </li>
          ))}
        </ul>
      </main>
    </Layout>
  );
}

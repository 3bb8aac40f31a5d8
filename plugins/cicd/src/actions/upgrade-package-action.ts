import type { ActionDefinition } from '@portico/plugin-api';
import { repositoryOf, requireComponent, type CicdActionDeps } from './cicd-action-deps';

export interface UpgradePackageInputs {
  packageName: string;
  version: string;
  path?: string;
}

const SECTIONS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'] as const;

/** Opens a pull request that changes one npm dependency's version range in package.json. */
export function upgradePackageAction(deps: CicdActionDeps): ActionDefinition<UpgradePackageInputs> {
  return {
    id: 'cicd.upgrade-package',
    title: 'Upgrade package version',
    description: "Open a pull request that upgrades an npm dependency in this service's package.json.",
    icon: 'upgrade',
    kind: 'component',
    operation: 'day-2',
    // Every GitHub call reads the token secret, and nothing else.
    secrets: [deps.config.github.tokenSecret],
    inputSchema: {
      type: 'object',
      additionalProperties: false,
      required: ['packageName', 'version'],
      properties: {
        packageName: { type: 'string', title: 'Package', pattern: '^(@[a-z0-9][a-z0-9._~-]*/)?[a-z0-9][a-z0-9._~-]*$', maxLength: 214 },
        version: { type: 'string', title: 'Version range', pattern: '^[\\^~]?\\d+\\.\\d+\\.\\d+[A-Za-z0-9.+-]*$', description: 'e.g. ^5.1.0' },
        path: { type: 'string', title: 'package.json path', default: 'package.json', pattern: '^([A-Za-z0-9._-]+/)*package\\.json$' },
      },
    },
    invocation: {
      type: 'handler',
      async handler(ctx) {
        const component = requireComponent(ctx);
        const repository = repositoryOf(component, deps.config);
        const { packageName, version } = ctx.inputs;
        const path = ctx.inputs.path ?? 'package.json';
        const client = await deps.github(ctx.secrets);
        const base = (await client.getRepository(repository)).default_branch;
        const file = await client.getFileContent(repository, path, base);
        let manifest: Record<string, Record<string, string> | undefined>;
        try {
          manifest = JSON.parse(file.text);
        } catch {
          throw new Error(`${path} in ${repository} is not valid JSON.`);
        }
        const sections = SECTIONS.filter((s) => manifest[s]?.[packageName] !== undefined);
        if (sections.length === 0) throw new Error(`${packageName} is not a dependency in ${path} of ${repository}.`);
        const from = manifest[sections[0]]![packageName];
        if (sections.every((s) => manifest[s]![packageName] === version)) throw new Error(`${packageName} is already ${version} in ${path} of ${repository}.`);
        for (const section of sections) manifest[section]![packageName] = version;
        const indent = /^\{\r?\n([ \t]+)/.exec(file.text)?.[1] ?? '  ';
        const text = `${JSON.stringify(manifest, null, indent)}${file.text.endsWith('\n') ? '\n' : ''}`;

        const branch = `portico/upgrade-${packageName.replace(/[@/]/g, '-').replace(/^-/, '')}-${version.replace(/[^A-Za-z0-9.]/g, '')}-${ctx.runId.slice(-6).toLowerCase()}`;
        const head = await client.getBranchRef(repository, base);
        await client.createBranch(repository, branch, head.object.sha);
        await client.putFileContent(repository, path, { message: `Upgrade ${packageName} from ${from} to ${version}`, text, sha: file.sha, branch });
        const pull = await client.createPullRequest(repository, {
          title: `Upgrade ${packageName} to ${version}`,
          head: branch,
          base,
          body: `Upgrades \`${packageName}\` from \`${from}\` to \`${version}\` in \`${path}\`.\n\nRequested by ${ctx.actor} through Portico (run ${ctx.runId}).`,
        });
        ctx.addLink({ title: `Pull request #${pull.number}`, url: pull.html_url });
        ctx.setOutput('pullRequest', pull.number);
        ctx.setOutput('pullRequestUrl', pull.html_url);
        ctx.logger.info(`Opened pull request #${pull.number} upgrading ${packageName} ${from} → ${version}`);
      },
    },
  };
}

import type { IacModuleConfig } from '../config/cloud-config';

/** A value as HCL: strings quoted and escaped; numbers, booleans, lists and maps as JSON (valid HCL). */
function hcl(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value).replace(/\$\{/g, () => '$${').replace(/%\{/g, () => '%%{') : JSON.stringify(value);
}

/** The folder a pull request adds: a `main.tf` calling the module, and a README saying where it came from. */
export function moduleFiles(module: IacModuleConfig, name: string, service: string, variables: Record<string, unknown>): Array<{ path: string; content: string }> {
  const dir = module.directory.replace('{name}', name).replace(/\/$/, '');
  const lines = [`module "${name.replace(/-/g, '_')}" {`, `  source = ${hcl(module.source)}`];
  if (module.version) lines.push(`  version = ${hcl(module.version)}`);
  for (const [key, value] of Object.entries(variables)) lines.push(`  ${key} = ${hcl(value)}`);
  lines.push('}', '');
  return [
    { path: `${dir}/main.tf`, content: lines.join('\n') },
    { path: `${dir}/README.md`, content: `# ${name}\n\n${module.title} for ${service}, from \`${module.source}\`${module.version ? ` ${module.version}` : ''}.\nAdded through Portico's "Add IaC to a service".\n` },
  ];
}

import type { KindDefinition } from '@portico/plugin-api';

export interface DraftCheck {
  kind: KindDefinition | null;
  problems: string[];
}

const KIND_ID = /^[a-z][a-z0-9-]*$/;

/**
 * Checks the JSON typed into the kind editor before it is sent, so common mistakes are named
 * next to the editor at once; the server still validates everything (its problems show too).
 */
export function checkKindDraft(text: string): DraftCheck {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { kind: null, problems: [`Not valid JSON: ${(error as Error).message}`] };
  }
  const problems: string[] = [];
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return { kind: null, problems: ['The kind must be a JSON object.'] };
  const kind = parsed as Partial<KindDefinition>;
  if (typeof kind.id !== 'string' || !KIND_ID.test(kind.id)) problems.push('"id" must be lower-case letters, digits and dashes, starting with a letter.');
  if (typeof kind.title !== 'string' || kind.title.trim() === '') problems.push('"title" is required.');
  if (!kind.schema || typeof kind.schema !== 'object' || Array.isArray(kind.schema)) problems.push('"schema" must be a JSON Schema object.');
  else if (kind.schema.type !== undefined && kind.schema.type !== 'object') problems.push('"schema.type" must be "object".');
  for (const [name, relation] of Object.entries(kind.relations ?? {})) {
    if (!relation || typeof relation.target !== 'string') problems.push(`relation "${name}" needs a "target" kind id.`);
  }
  return { kind: problems.length === 0 ? (kind as KindDefinition) : null, problems };
}

export const NEW_KIND_TEMPLATE = JSON.stringify(
  {
    id: 'my-kind',
    title: 'My kind',
    description: '',
    schema: { type: 'object', properties: { url: { type: 'string', title: 'URL', format: 'url' } } },
    relations: {},
  },
  null,
  2,
);

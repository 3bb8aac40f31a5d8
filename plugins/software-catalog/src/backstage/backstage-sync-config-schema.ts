import type { JsonSchema } from '@portico/plugin-api';

/** The `backstage` section of the plugin config (see docs/plugins/software-catalog.md). */
export const backstageSyncConfigSchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['sources'],
  description: 'Backstage catalog-info.yaml sources kept in sync; entities removed from them are removed (full sync).',
  properties: {
    sources: {
      type: 'array',
      minItems: 1,
      items: {
        oneOf: [
          { type: 'object', additionalProperties: false, required: ['path'], properties: { path: { type: 'string', minLength: 1, description: 'A catalog file, or a folder whose .yaml files are read (relative to the working directory).' } } },
          { type: 'object', additionalProperties: false, required: ['url'], properties: { url: { type: 'string', pattern: '^https?://', description: 'A catalog file by URL, re-read with its ETag.' } } },
          {
            type: 'object',
            additionalProperties: false,
            required: ['git'],
            properties: {
              git: { type: 'string', minLength: 1, description: 'A git repository URL, cloned with the git CLI.' },
              ref: { type: 'string', minLength: 1, description: 'Branch or tag (default: the remote HEAD).' },
              path: { type: 'string', description: 'Folder inside the repository (default: all of it).' },
            },
          },
        ],
      },
    },
    everyMs: { type: 'integer', minimum: 1000, description: 'How often to resync, in milliseconds (default: daily, and on demand).' },
    maxDeleteShare: { type: 'number', minimum: 0, maximum: 1, default: 0.1, description: 'The largest share of the imported entities one sync may delete before it is held back.' },
    allowLargeDelete: { type: 'boolean', default: false, description: 'Override: let a sync delete more than maxDeleteShare (set it for one sync, then remove it).' },
  },
};

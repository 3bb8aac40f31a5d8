import type { JsonSchema } from '@portico/plugin-api';
import type { JobTemplate } from '../config/ml-config';

const quantity = '^[0-9]+(\\.[0-9]+)?(m|Ki|Mi|Gi|Ti|k|M|G|T)?$';

/**
 * The form of a Job action: the template, its parameters and the resource requests. With one
 * template its parameter schema is the form's (so the portal checks them before a run exists);
 * with several, the handler checks them against the chosen template's.
 */
export function jobInputSchema(templates: JobTemplate[], extra: Record<string, JsonSchema>, required: string[]): JsonSchema {
  const only = templates.length === 1 ? templates[0] : undefined;
  return {
    type: 'object',
    additionalProperties: false,
    required,
    properties: {
      ...extra,
      template: { type: 'string', title: 'Template', ...(templates.length ? { enum: templates.map((t) => t.id), default: templates[0].id } : {}) },
      parameters: only ? { title: 'Parameters', ...only.parameters } : { type: 'object', title: 'Parameters', description: "The chosen template's parameters." },
      cpu: { type: 'string', title: 'CPU request', pattern: quantity, ...(only ? { default: only.cpu } : {}) },
      memory: { type: 'string', title: 'Memory request', pattern: quantity, ...(only ? { default: only.memory } : {}) },
      gpu: { type: 'integer', title: 'GPUs', minimum: 0, maximum: 16, ...(only ? { default: only.gpu } : {}) },
    },
  };
}

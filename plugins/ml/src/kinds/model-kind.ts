import type { KindDefinition } from '@portico/plugin-api';

/**
 * One version of a model as the Model page lists and charts it.
 * @public
 */
export interface VersionSummary {
  version: string;
  aliases: string[];
  stage: string | null;
  status: string;
  runId: string | null;
  createdAt: string | null;
  /** The latest metrics of the run that produced it. */
  metrics: Record<string, number>;
}

const versionSummarySchema = {
  type: 'object',
  required: ['version', 'aliases', 'status', 'metrics'],
  properties: {
    version: { type: 'string' },
    aliases: { type: 'array', items: { type: 'string' } },
    stage: { type: ['string', 'null'] },
    status: { type: 'string' },
    runId: { type: ['string', 'null'] },
    createdAt: { type: ['string', 'null'], format: 'date-time' },
    metrics: { type: 'object', additionalProperties: { type: 'number' } },
  },
};

/**
 * A registered model of the MLflow model registry.
 * @public
 */
export const modelKind: KindDefinition = {
  id: 'ml-model',
  title: 'Model',
  description: 'A registered MLflow model: its versions, which one is the champion and which the challenger.',
  icon: 'psychology',
  ownerKind: 'team',
  editable: ['owner', 'description'],
  schema: {
    type: 'object',
    required: ['name', 'aliases', 'versions'],
    properties: {
      name: { type: 'string', title: 'Registered model' },
      aliases: { type: 'object', title: 'Aliases', description: 'Alias → version, e.g. champion → 3.', additionalProperties: { type: 'string' } },
      latestVersion: { type: ['string', 'null'], title: 'Latest version' },
      modelFormat: { type: 'string', title: 'Model format', description: 'The KServe model format its versions are served with (tag portico.model_format).' },
      versions: { type: 'array', title: 'Versions', items: versionSummarySchema },
      url: { type: 'string', title: 'In MLflow', format: 'url' },
    },
  },
};

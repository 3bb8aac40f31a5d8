import type { KindDefinition } from '@portico/plugin-api';
import { datasetKind } from './dataset-kind';
import { experimentKind } from './experiment-kind';
import { modelKind } from './model-kind';
import { modelVersionKind } from './model-version-kind';
import { notebookKind } from './notebook-kind';
import { servingEndpointKind } from './serving-endpoint-kind';
import { trainingRunKind } from './training-run-kind';

export { datasetKind, experimentKind, modelKind, modelVersionKind, notebookKind, servingEndpointKind, trainingRunKind };

/**
 * In the order they must be registered: relations point at kinds registered before.
 * @public
 */
export const mlKinds: KindDefinition[] = [experimentKind, trainingRunKind, modelKind, modelVersionKind, datasetKind, servingEndpointKind, notebookKind];

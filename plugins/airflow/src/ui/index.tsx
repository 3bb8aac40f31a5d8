// The browser bundle (dist/ui.mjs): each named export is a widget component the
// backend declares in `airflowWidgets` under the same name.
export { DagRunGrid } from './dag-run-grid';
export { TableSchema } from './table-schema';
export { FailedDagRuns } from './failed-dag-runs';
export { DagConfField } from './dag-conf-field';

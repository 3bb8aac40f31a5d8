// The browser bundle (dist/ui.mjs): each named export is a widget component the
// backend declares in `mlWidgets` under the same name. @mui/x-charts is bundled here, so
// it loads only with this plugin's UI.
export { ModelVersions } from './model-versions';
export { ServingTraffic } from './serving-traffic';
export { MyNotebooks } from './my-notebooks';

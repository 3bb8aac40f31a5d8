// The browser bundle (dist/ui.mjs): each named export is a widget component the
// backend declares in `cicdWidgets` under the same name.
export { DeploymentsMatrix, SystemDeploymentsMatrix } from './deployments-matrix';
export { DeploymentsCard } from './deployments-card';
export { CiTab } from './ci-tab';

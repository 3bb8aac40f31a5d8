// The browser bundle (dist/ui.mjs): each named export is a widget component the
// backend declares in `cloudWidgets` under the same name.
export { WorkloadCard } from './workload-card';
export { EnvironmentCountdown } from './environment-countdown';
export { MyEnvironments } from './my-environments';

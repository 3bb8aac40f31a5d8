// The browser bundle (dist/ui.mjs): each named export is a widget component the
// backend declares in `softwareCatalogWidgets` under the same name.
export { OwnershipCard } from './ownership-card';
export { RelationsCard } from './relations-card';
export { SystemOverview } from './system-overview';

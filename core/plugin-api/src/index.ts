export * from './plugin';
export * from './refs';
export * from './services';
export * from './extension-points';
export * from './model';
export * from './errors';
export * from './manifest';
export * from './access';

export * from './api';
export * from './catalog';
export * from './actions';
export * from './navigation';
export * from './components';
export * from './layout';
export * from './widget';
export * from './version';

import { version } from '../../package.json';

/** This kernel's package version. */
export const KERNEL_VERSION: string = version;

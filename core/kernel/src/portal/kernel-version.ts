import { version } from '../../package.json';

/**
 * This kernel's package version.
 * @public
 */
export const KERNEL_VERSION: string = version;

import { cloudPlugin } from './plugin';

export { cloudPlugin as plugin, cloudPlugin };
export default cloudPlugin;

import { definePlugin } from '@portico/plugin-api';

export default definePlugin({
  id: 'old-api',
  deps: {},
  init() {},
});

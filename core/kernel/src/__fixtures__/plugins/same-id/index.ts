import { definePlugin } from '@portico/plugin-api';

export default definePlugin({
  id: 'good',
  deps: {},
  init() {},
});

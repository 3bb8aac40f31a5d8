import { definePlugin } from '@portico/plugin-api';

export default definePlugin({
  id: 'throws',
  deps: {},
  init() {
    throw new Error('cannot reach the upstream API');
  },
});

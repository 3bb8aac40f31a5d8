import { definePlugin } from '@portico/plugin-api';
import { greetingsExtensionPoint } from '../good/index';

export default definePlugin({
  id: 'extender',
  deps: { greetings: greetingsExtensionPoint },
  init({ greetings }) {
    greetings.addGreeting('hi from extender');
  },
});

import { createElement } from 'react';

export function LiveHello() {
  return createElement('p', { 'data-testid': 'live-hello' }, 'Hello from the live plugin 1.0.0');
}

import type { EntityInput } from '@portico/plugin-api';

/**
 * The example organisation from the product brief: an Order domain with Cart and
 * Products systems, their services, the Cart API and database, two shared libraries and
 * the two teams that own them. The demo portal loads it so a first visit has something
 * real to browse; plugins such as CI/CD attach their sample data to these ids.
 * @public
 */
export const exampleOrganisation: EntityInput[] = [
  {
    kind: 'team',
    id: 'checkout-team',
    title: 'Checkout team',
    description: 'Owns the cart, the checkout flow and payments.',
    properties: { email: 'checkout@example.com', slack: '#team-checkout' },
  },
  {
    kind: 'team',
    id: 'catalog-team',
    title: 'Catalog team',
    description: 'Owns the product catalog and the shared messaging library.',
    properties: { email: 'catalog@example.com', slack: '#team-catalog' },
  },
  { kind: 'user', id: 'alice', title: 'Alice Martin', properties: { email: 'alice@example.com', displayName: 'Alice Martin' }, relations: { memberOf: ['checkout-team'] } },
  { kind: 'user', id: 'bob', title: 'Bob Chen', properties: { email: 'bob@example.com', displayName: 'Bob Chen' }, relations: { memberOf: ['checkout-team'] } },
  { kind: 'user', id: 'carol', title: 'Carol Diaz', properties: { email: 'carol@example.com', displayName: 'Carol Diaz' }, relations: { memberOf: ['catalog-team'] } },
  { kind: 'user', id: 'dave', title: 'Dave Okafor', properties: { email: 'dave@example.com', displayName: 'Dave Okafor' }, relations: { memberOf: ['catalog-team', 'checkout-team'] } },
  {
    kind: 'domain',
    id: 'order',
    title: 'Order',
    description: 'Everything between a shopper finding a product and paying for it.',
    owner: 'checkout-team',
    properties: { lifecycle: 'production' },
  },
  {
    kind: 'system',
    id: 'cart',
    title: 'Cart',
    description: 'Holds what a shopper is about to buy.',
    owner: 'checkout-team',
    properties: { lifecycle: 'production' },
    relations: { partOf: 'order' },
  },
  {
    kind: 'system',
    id: 'products',
    title: 'Products',
    description: 'The product catalog: descriptions, prices and stock.',
    owner: 'catalog-team',
    properties: { lifecycle: 'production' },
    relations: { partOf: 'order' },
  },
  {
    kind: 'api',
    id: 'cart-api',
    title: 'Cart API',
    description: 'REST API to read and change a cart.',
    owner: 'checkout-team',
    properties: { type: 'openapi', lifecycle: 'production' },
    relations: { partOf: 'cart' },
  },
  {
    kind: 'resource',
    id: 'cart-db',
    title: 'Cart database',
    description: 'PostgreSQL database of the cart service.',
    owner: 'checkout-team',
    properties: { type: 'database' },
    relations: { partOf: 'cart' },
  },
  {
    kind: 'component',
    id: 'core-kafka',
    title: 'Core Kafka',
    description: 'Shared library for producing and consuming Kafka events.',
    owner: 'catalog-team',
    properties: { type: 'library', lifecycle: 'production', language: 'TypeScript', repository: 'example-org/core-kafka' },
    relations: {},
  },
  {
    kind: 'component',
    id: 'core-payment',
    title: 'Core Payment',
    description: 'Shared library wrapping the payment provider.',
    owner: 'checkout-team',
    properties: { type: 'library', lifecycle: 'production', language: 'TypeScript', repository: 'example-org/core-payment' },
    relations: {},
  },
  {
    kind: 'component',
    id: 'cart-service',
    title: 'Cart service',
    description: 'Serves the Cart API and stores carts.',
    owner: 'checkout-team',
    properties: { type: 'service', lifecycle: 'production', language: 'TypeScript', repository: 'example-org/cart-service' },
    relations: {
      partOf: 'cart',
      providesApi: ['cart-api'],
      dependsOn: ['core-kafka', 'core-payment'],
      dependsOnResource: ['cart-db'],
    },
  },
  {
    kind: 'component',
    id: 'products-service',
    title: 'Products service',
    description: 'Serves product data and publishes price changes.',
    owner: 'catalog-team',
    properties: { type: 'service', lifecycle: 'production', language: 'TypeScript', repository: 'example-org/products-service' },
    relations: {
      partOf: 'products',
      consumesApi: ['cart-api'],
      dependsOn: ['core-kafka'],
    },
  },
];

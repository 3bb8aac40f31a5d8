import { ValidationError } from '@portico/plugin-api';
import { assertRouteInput } from './route-input';
import { SchemaValidator } from './schema-validator';

const validator = new SchemaValidator();
const route = {
  body: { type: 'object', required: ['name'], additionalProperties: false, properties: { name: { type: 'string' }, size: { type: 'integer', default: 1 } } },
  query: { limit: { schema: { type: 'integer', maximum: 10 } }, tag: { schema: { type: 'array', items: { type: 'string' } } } },
};

function problemOf(run: () => unknown): ValidationError {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('assertRouteInput', () => {
  it('returns the body with its schema defaults applied, leaving query text as text', () => {
    const query = { limit: '3', tag: ['a', 'b'] };
    expect(assertRouteInput(route, { query, body: { name: 'x' } }, validator)).toEqual({ name: 'x', size: 1 });
    expect(query).toEqual({ limit: '3', tag: ['a', 'b'] });
  });

  it('checks an absent body as {}, so a required field is named', () => {
    const error = problemOf(() => assertRouteInput(route, { query: {}, body: undefined }, validator));
    expect(error.status).toBe(400);
    expect(error.message).toBe('The request body is invalid: /name is required.');
  });

  it('names a bad query parameter by /query/<name> before it looks at the body', () => {
    const error = problemOf(() => assertRouteInput(route, { query: { limit: '11' }, body: { nope: true } }, validator));
    expect(error.message).toMatch(/^The query parameter "limit" is invalid: \/query\/limit /);
  });

  it('hands the body through untouched when the route declares none', () => {
    const body = { anything: [1, 2] };
    expect(assertRouteInput({}, { query: { whatever: 'x' }, body }, validator)).toBe(body);
  });
});

import { secretInputsSchema } from './secret-inputs-schema';

test('asks again only for the inputs the runner keeps out of the run', () => {
  const schema = {
    type: 'object',
    required: ['name', 'token'],
    properties: { name: { type: 'string' }, token: { type: 'string', format: 'secret' }, pin: { type: 'string', writeOnly: true } },
  };
  expect(secretInputsSchema(schema)).toEqual({ type: 'object', required: ['token'], properties: { token: schema.properties.token, pin: schema.properties.pin } });
  expect(secretInputsSchema({ type: 'object', properties: { name: { type: 'string' } } })).toBeNull();
  expect(secretInputsSchema(undefined)).toBeNull();
});

import { checkKindDraft, NEW_KIND_TEMPLATE } from './kind-draft';

test('the template is a valid kind', () => {
  expect(checkKindDraft(NEW_KIND_TEMPLATE)).toMatchObject({ problems: [], kind: { id: 'my-kind' } });
});

test('names each problem', () => {
  expect(checkKindDraft('{"id":"Bad Id","schema":{"type":"array"},"relations":{"x":{}}}').problems).toEqual([
    '"id" must be lower-case letters, digits and dashes, starting with a letter.',
    '"title" is required.',
    '"schema.type" must be "object".',
    'relation "x" needs a "target" kind id.',
  ]);
  expect(checkKindDraft('{').problems[0]).toMatch(/^Not valid JSON/);
  expect(checkKindDraft('[]').problems).toEqual(['The kind must be a JSON object.']);
});

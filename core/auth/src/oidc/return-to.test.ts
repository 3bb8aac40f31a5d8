import { safeReturnTo } from './return-to';

test('keeps paths on the portal, with their query and fragment', () => {
  expect(safeReturnTo(undefined)).toBe('/');
  expect(safeReturnTo('')).toBe('/');
  expect(safeReturnTo('/catalog/service/cart?tab=runs#top')).toBe('/catalog/service/cart?tab=runs#top');
  expect(safeReturnTo('/a/../b')).toBe('/b');
});

test.each(['https://evil.example/', '//evil.example/x', '/\\evil.example', '\\\\evil.example', 'evil.example', 'javascript:alert(1)', '/\t/evil.example', '/x\r\nSet-Cookie: a=b'])(
  'refuses %j, which leaves the portal, naming the parameter',
  (value) => {
    expect(() => safeReturnTo(value)).toThrow(/returnTo/);
    try {
      safeReturnTo(value);
    } catch (error) {
      expect(error).toMatchObject({ status: 400, errors: [{ pointer: '/query/returnTo' }] });
    }
  },
);

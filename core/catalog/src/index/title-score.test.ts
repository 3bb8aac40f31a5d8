import { titleScore } from './title-score';

describe('titleScore', () => {
  it('orders titles alphabetically, ignoring case and accents, shorter prefixes first', () => {
    const titles = ['cart', 'Cart service', 'Éclair', 'eclairs', 'zebra', 'Apple', 'a', '', '9 lives', '10 lives', 'Cart-api'];
    const sorted = [...titles].sort((a, b) => titleScore(a) - titleScore(b));
    // Separators rank alike, so "Cart-api" and "Cart service" differ at "a" and "s".
    expect(sorted).toEqual(['', '10 lives', '9 lives', 'a', 'Apple', 'cart', 'Cart-api', 'Cart service', 'Éclair', 'eclairs', 'zebra']);
  });

  it('is exact to 10 characters and ties beyond them', () => {
    expect(titleScore('Service 1234')).toBe(titleScore('service 1299'));
    expect(titleScore('Service 12')).toBeLessThan(titleScore('Service 13'));
    expect(Number.isSafeInteger(titleScore('zzzzzzzzzzzz'))).toBe(true);
  });
});

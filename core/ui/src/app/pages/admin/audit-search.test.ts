import { auditSearch, NO_AUDIT_FILTERS } from './audit-search';

test('sends only the filters that are set, trimmed, with times as ISO instants', () => {
  expect(auditSearch(NO_AUDIT_FILTERS)).toBe('');
  const filters = { ...NO_AUDIT_FILTERS, actor: ' user:alice ', outcome: 'refused' as const, from: '2026-12-01T10:00', order: 'oldest' as const };
  const query = new URLSearchParams(auditSearch(filters, { cursor: '42', limit: 25 }));
  expect(Object.fromEntries(query)).toEqual({ actor: 'user:alice', outcome: 'refused', from: new Date('2026-12-01T10:00').toISOString(), order: 'oldest', cursor: '42', limit: '25' });
});

test('the export takes the filters but not the page', () => {
  const query = auditSearch({ ...NO_AUDIT_FILTERS, target: 'run:r_1', order: 'oldest' }, { cursor: '9', forExport: true });
  expect(query).toBe('?target=run%3Ar_1');
  expect(auditSearch({ ...NO_AUDIT_FILTERS, to: 'not a time' })).toBe('');
});

import { createHmac } from 'node:crypto';
import { verifyPagerDutySignature } from './verify-pagerduty-signature';

const body = Buffer.from('{"event":{"event_type":"incident.triggered"}}');
const v1 = (secret: string) => `v1=${createHmac('sha256', secret).update(body).digest('hex')}`;

test('accepts the signature made with the secret, also among several while a secret rotates', () => {
  expect(verifyPagerDutySignature('s3cret', body, v1('s3cret'))).toBe(true);
  expect(verifyPagerDutySignature('s3cret', body, `${v1('old')}, ${v1('s3cret')}`)).toBe(true);
});

test('refuses a missing, malformed or other-secret signature, and a changed body', () => {
  expect(verifyPagerDutySignature('s3cret', body, undefined)).toBe(false);
  expect(verifyPagerDutySignature('s3cret', body, 'v1=abc')).toBe(false);
  expect(verifyPagerDutySignature('s3cret', body, v1('other'))).toBe(false);
  expect(verifyPagerDutySignature('s3cret', Buffer.from(`${body.toString()} `), v1('s3cret'))).toBe(false);
});

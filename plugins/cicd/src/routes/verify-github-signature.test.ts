import { signGitHubPayload, verifyGitHubSignature } from './verify-github-signature';

describe('verifyGitHubSignature', () => {
  // The example from GitHub's "Validating webhook deliveries" documentation.
  it('accepts the documented example', () => {
    expect(signGitHubPayload("It's a Secret to Everybody", 'Hello, World!')).toBe('sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17');
    expect(verifyGitHubSignature("It's a Secret to Everybody", Buffer.from('Hello, World!'), 'sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17')).toBe(true);
  });

  it('rejects a wrong secret, a changed body, a missing or malformed header', () => {
    const header = signGitHubPayload('s', '{"a":1}');
    expect(verifyGitHubSignature('other', Buffer.from('{"a":1}'), header)).toBe(false);
    expect(verifyGitHubSignature('s', Buffer.from('{"a":2}'), header)).toBe(false);
    expect(verifyGitHubSignature('s', Buffer.from('{"a":1}'), undefined)).toBe(false);
    expect(verifyGitHubSignature('s', Buffer.from('{"a":1}'), header.replace('sha256=', 'sha1='))).toBe(false);
    expect(verifyGitHubSignature('s', Buffer.from('{"a":1}'), 'sha256=abc')).toBe(false);
  });
});

import sodium from 'libsodium-wrappers';

/**
 * Encrypts a secret value the way GitHub's Actions secrets API requires: a libsodium
 * sealed box (crypto_box_seal) to the repository's public key, base64 encoded.
 */
export async function sealSecret(publicKeyBase64: string, value: string): Promise<string> {
  await sodium.ready;
  const key = sodium.from_base64(publicKeyBase64, sodium.base64_variants.ORIGINAL);
  const sealed = sodium.crypto_box_seal(sodium.from_string(value), key);
  return sodium.to_base64(sealed, sodium.base64_variants.ORIGINAL);
}

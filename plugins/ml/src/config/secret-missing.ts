/** The one sentence for a secret that is not set: what needs it and the two ways to set it. */
export function secretMissing(what: string, secret: string): string {
  return `${what} is missing: set the secret "${secret}" (PORTICO_SECRET_${secret.toUpperCase().replace(/[^A-Z0-9]/g, '_')} or the config's secrets).`;
}

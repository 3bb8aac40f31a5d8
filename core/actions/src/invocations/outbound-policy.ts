import ipaddr from 'ipaddr.js';

/**
 * Where webhooks may go: `actions.webhooks` in portico.config.yaml (docs/configuration.md).
 * @public
 */
export interface WebhookPolicyOptions {
  /**
   * URL patterns a webhook URL must match, such as `https://hooks.example.com/*`. In the
   * host part `*` stands for any characters but `/`; in the path for anything. Empty or
   * absent: no webhook may be called.
   */
  allow?: string[];
  /**
   * Also allow loopback, private (RFC 1918, fc00::/7), link-local and CGNAT addresses
   * (a portal whose receivers run beside it, tests, the demo). Cloud metadata and
   * unspecified addresses stay refused.
   */
  allowPrivateNetworks?: boolean;
}

/** Ranges (ipaddr.js names) that `allowPrivateNetworks` opens; every other non-unicast range is always refused. */
const PRIVATE_RANGES = new Set(['loopback', 'private', 'uniqueLocal', 'linkLocal', 'carrierGradeNat']);

/** Instance metadata services hand out cloud credentials: never reachable, whatever the config says. */
const METADATA = new Set(['169.254.169.254', 'fd00:ec2::254', '100.100.100.200']);

function globToRegExp(glob: string, star: string): RegExp {
  return new RegExp(`^${glob.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join(star)}$`);
}

interface Pattern {
  protocol: string;
  authority: RegExp;
  path: RegExp;
}

function compile(pattern: string): Pattern {
  const match = /^([a-z][a-z0-9+.-]*:)\/\/([^/]*)(\/.*)?$/i.exec(pattern.trim());
  if (!match) throw new Error(`actions.webhooks.allow entry "${pattern}" is not a URL pattern such as "https://hooks.example.com/*".`);
  return { protocol: match[1].toLowerCase(), authority: globToRegExp(match[2].toLowerCase(), '[^/]*'), path: globToRegExp(match[3] ?? '/*', '.*') };
}

/** A literal IP in a URL's host (`[::1]` included), or null for a name. */
function literalAddress(hostname: string): string | null {
  const bare = hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
  return ipaddr.isValid(bare) ? bare : null;
}

/**
 * Decides which URLs and addresses outbound webhooks may reach: the URL must match the
 * allow-list, and every address its host resolves to must be public unicast (or, with
 * `allowPrivateNetworks`, private too). Classification is ipaddr.js's, which knows the
 * special-purpose registries (IPv4-mapped, NAT64, 6to4 and Teredo forms included).
 */
export class OutboundPolicy {
  private readonly patterns: Pattern[];

  constructor(private readonly options: WebhookPolicyOptions = {}) {
    this.patterns = (options.allow ?? []).map(compile);
  }

  /** Why a URL may not be called before any lookup (not allow-listed, credentials, a refused literal address), or null. */
  urlProblem(raw: string): string | null {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      return 'is not a URL';
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'must be an http(s) URL';
    if (url.username || url.password) return 'must not carry credentials: put them in a header that references a secret';
    const path = `${url.pathname}${url.search}`;
    if (!this.patterns.some((p) => p.protocol === url.protocol && p.authority.test(url.host) && p.path.test(path))) {
      return this.patterns.length === 0
        ? 'cannot be called: this portal allows no webhook URLs (list the allowed ones under actions.webhooks.allow in portico.config.yaml)'
        : `does not match actions.webhooks.allow in portico.config.yaml (${(this.options.allow ?? []).join(', ')})`;
    }
    const literal = literalAddress(url.hostname);
    return literal ? this.addressProblem(literal) : null;
  }

  /** Why an address may not be connected to, or null. */
  addressProblem(address: string): string | null {
    if (!ipaddr.isValid(address)) return `resolves to "${address}", which is not an IP address`;
    const parsed = ipaddr.process(address);
    const normal = parsed.toNormalizedString();
    const shown = parsed.kind() === 'ipv6' ? parsed.toString() : normal;
    if (METADATA.has(normal) || METADATA.has(parsed.toString())) return `reaches ${shown}, a cloud metadata address, which webhooks may never call`;
    const range = parsed.range();
    if (range === 'unicast') return null;
    if (PRIVATE_RANGES.has(range)) {
      return this.options.allowPrivateNetworks ? null : `reaches ${shown}, a ${range} address; webhooks reach private networks only with actions.webhooks.allowPrivateNetworks: true`;
    }
    return `reaches ${shown}, a ${range} address, which webhooks may not call`;
  }
}

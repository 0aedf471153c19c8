// Where opt-in lookups may go: known public registries plus user-listed hosts, https only, never an internal address.
import * as dns from 'dns';
import * as net from 'net';

/**
 * Public registries and APIs the pinning lookups talk to, including the token endpoints they name
 * as bearer `realm` (auth.docker.io, ghcr.io/token, quay.io/v2/auth, ...). `*.x` matches any
 * subdomain of x, not x itself. Only the default https port.
 */
export const PUBLIC_HOSTS: readonly string[] = [
  'registry-1.docker.io', 'auth.docker.io', 'index.docker.io',
  'ghcr.io', 'quay.io', 'gcr.io', '*.gcr.io', '*.pkg.dev', 'mcr.microsoft.com', 'nvcr.io', 'public.ecr.aws',
  'pypi.org', 'api.github.com', 'huggingface.co',
];

/** A DNS lookup in the shape `http.request({ lookup })` calls (tests pass one that answers without DNS). */
export type LookupFn = (hostname: string, options: dns.LookupOptions, callback: (err: NodeJS.ErrnoException | null, address: string | dns.LookupAddress[], family?: number) => void) => void;

/** Test-only exemptions, set through the resolver's constructor options; no setting or workspace file can reach them. */
export interface TestingHooks {
  /** Exact origins (`http://127.0.0.1:<port>`) exempt from the https, host-list and address checks. */
  origins?: string[];
  /** Replaces DNS, so a test can make a name resolve to a private address without a resolver. */
  lookup?: LookupFn;
}

/** What one resolver allows: the user's extra hosts (mlsec.network.allowedHosts) and test hooks. */
export interface NetworkPolicy {
  userHosts: readonly string[];
  testing?: TestingHooks;
}

// Loopback, private, link-local, carrier-grade NAT, documentation, multicast and reserved ranges.
// BlockList matches IPv4-mapped IPv6 (::ffff:10.0.0.1) against the IPv4 rules too.
const BLOCKED = new net.BlockList();
for (const [a, p] of [['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12], ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4]] as const) BLOCKED.addSubnet(a, p, 'ipv4');
for (const [a, p] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['fec0::', 10], ['ff00::', 8], ['64:ff9b:1::', 48], ['100::', 64], ['2001:db8::', 32]] as const) BLOCKED.addSubnet(a, p, 'ipv6');

/** Why `address` (an IP) must not be contacted, or undefined when it is a public address. */
export function blockedAddress(address: string): string | undefined {
  const family = net.isIP(address);
  if (family === 0) return `${address} is not an IP address`;
  return BLOCKED.check(address, family === 4 ? 'ipv4' : 'ipv6') ? `${address} is a loopback, private, link-local or reserved address` : undefined;
}

/** Whether `host` (`name` or `name:port`, lower case, as in `URL.host`) matches an entry of `list`. */
export function hostMatches(host: string, list: readonly string[]): boolean {
  for (const raw of list) {
    const entry = raw.trim().toLowerCase();
    if (!entry) continue;
    if (entry.startsWith('*.')) {
      if (host.endsWith(entry.slice(1))) return true;
    } else if (host === entry) return true;
  }
  return false;
}

/** Whether `origin` is one of the test-only exempt origins. */
export function isTestOrigin(policy: NetworkPolicy, origin: string): boolean {
  return policy.testing?.origins?.includes(origin) === true;
}

/** Why `url` must not be requested (scheme, host list, literal internal address), or undefined when it may. */
export function refusal(url: URL, policy: NetworkPolicy): string | undefined {
  if (isTestOrigin(policy, url.origin)) return undefined;
  if (url.protocol !== 'https:') return `refused ${url.protocol.replace(':', '')}:// URL ${url.host}: lookups use https only`;
  if (url.username || url.password) return `refused ${url.host}: URLs with credentials are not followed`;
  const host = url.host.toLowerCase();
  if (!hostMatches(host, PUBLIC_HOSTS) && !hostMatches(host, policy.userHosts)) return `refused ${host}: not a known public registry nor listed in mlsec.network.allowedHosts`;
  // Node connects to IP literals without a lookup, so they are checked here rather than in guardedLookup.
  const bare = url.hostname.replace(/^\[|\]$/g, '');
  if (net.isIP(bare)) return blockedAddress(bare) ? `refused ${host}: ${blockedAddress(bare)}` : undefined;
  return undefined;
}

/**
 * A `lookup` for http(s).request that resolves the name, then refuses the connection when any
 * answer is internal: the address checked is the address connected to (no DNS-rebinding window).
 */
export function guardedLookup(policy: NetworkPolicy): LookupFn {
  const resolve: LookupFn = policy.testing?.lookup ?? (dns.lookup as unknown as LookupFn);
  return (hostname, options, callback) => {
    resolve(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '');
      const list = (Array.isArray(addresses) ? addresses : [{ address: addresses, family: net.isIP(addresses) }]) as dns.LookupAddress[];
      const bad = list.map((a) => blockedAddress(a.address)).find((r) => r !== undefined);
      if (bad || list.length === 0) {
        const e: NodeJS.ErrnoException = new Error(`refused ${hostname}: it resolves to ${bad ?? 'no address'}`);
        e.code = 'EMLSECBLOCKED';
        return callback(e, '');
      }
      if (options.all) return callback(null, list);
      callback(null, list[0].address, list[0].family);
    });
  };
}

/**
 * Outbound targets (webhooks, SMTP) and the guarded HTTP POST. A target inside the network —
 * private, loopback, link-local, multicast, unspecified, metadata or reserved addresses, IPv4 or
 * IPv6 — is refused unless the system administrator allow-lists its host name or an address range
 * (setting `platform.outbound`, src/services/outbound-allow-list.ts). Only https, except for an
 * allow-listed target.
 *
 * Against DNS rebinding the host is resolved when sending, every address it resolves to is checked,
 * and the connection goes to the checked address (the `lookup` of the socket returns it, while TLS
 * still verifies the certificate for the host name). The POST has a time budget and reads at most
 * a bounded number of response bytes.
 */
import { lookup as dnsLookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { ADDRESS_CLASS_LABELS, addressInRange, classifyAddress, parseAddressRange, parseIpAddress } from '../domain/network/ip-address.ts';
import type { AddressRange } from '../domain/network/ip-address.ts';
import { AppError } from '../errors/app-error.ts';

/** What the system administrator allow-listed: host names (exact, lower case) and address ranges. */
export interface OutboundPolicy {
  hosts: readonly string[];
  ranges: readonly AddressRange[];
}

/** The policy of an allow-list as stored (entries are host names or ranges such as `10.1.0.0/16`). */
export function outboundPolicyOf(entries: readonly string[]): OutboundPolicy {
  const hosts: string[] = [];
  const ranges: AddressRange[] = [];
  for (const entry of entries) {
    const range = parseAddressRange(entry);
    if (range !== null) ranges.push(range);
    else hosts.push(entry.trim().toLowerCase().replace(/\.$/, ''));
  }
  return { hosts, ranges };
}

/** Resolves a host name to all its addresses. */
export type Resolver = (host: string) => Promise<string[]>;

export const systemResolver: Resolver = async (host) => (await dnsLookup(host, { all: true, verbatim: true })).map((a) => a.address);

function bareHost(hostname: string): string {
  const lower = hostname.toLowerCase().replace(/\.$/, '');
  return lower.startsWith('[') && lower.endsWith(']') ? lower.slice(1, -1) : lower;
}

function refused(message: string, field: string | undefined, details: Record<string, unknown>): AppError {
  return new AppError('outbound_target_refused', message, { ...(field === undefined ? {} : { field }), details });
}

/** Whether the host name itself is allow-listed (then its addresses are not checked). */
function hostAllowListed(host: string, policy: OutboundPolicy): boolean {
  return policy.hosts.includes(host);
}

/** Throws unless `address` is public or in an allow-listed range. */
export function assertAddressAllowed(address: string, policy: OutboundPolicy, context: { host: string; field?: string }): void {
  const cls = classifyAddress(address);
  if (cls === null) return;
  if (policy.ranges.some((range) => addressInRange(address, range))) return;
  throw refused(
    `目标地址 ${context.host}${context.host === address ? '' : `（解析为 ${address}）`}是${ADDRESS_CLASS_LABELS[cls]}，不允许发送。如确需发送，请系统管理员将其加入外发白名单`,
    context.field,
    { host: context.host, address, addressClass: cls },
  );
}

/**
 * Checks a webhook URL when it is registered: https (http only for an allow-listed target), no user
 * name or password in it, and — when the host is an address literal — an allowed address.
 */
export function assertWebhookUrlAllowed(text: string, policy: OutboundPolicy, field = 'webhookUrl'): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new AppError('invalid_webhook_url', 'Webhook 地址不是有效的网址', { field });
  }
  const host = bareHost(url.hostname);
  const literal = parseIpAddress(host) !== null;
  const listed = hostAllowListed(host, policy) || (literal && policy.ranges.some((range) => addressInRange(host, range)));
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && listed)) {
    throw new AppError('invalid_webhook_url', 'Webhook 地址须为 https:// 地址（http:// 仅限系统管理员加入外发白名单的目标）', { field });
  }
  if (url.username !== '' || url.password !== '') {
    throw new AppError('invalid_webhook_url', 'Webhook 地址中不得包含用户名或密码', { field });
  }
  if (literal) assertAddressAllowed(host, policy, { host, field });
  else if (host === 'localhost' || host.endsWith('.localhost')) {
    if (!hostAllowListed(host, policy)) assertAddressAllowed('127.0.0.1', policy, { host, field });
  }
  return url;
}

/**
 * Resolves `hostname` and checks every address it resolves to; returns the addresses to connect to
 * (all allowed). An allow-listed host name is not checked.
 */
export async function resolveAllowedAddresses(hostname: string, policy: OutboundPolicy, resolver: Resolver = systemResolver): Promise<string[]> {
  const host = bareHost(hostname);
  if (parseIpAddress(host) !== null) {
    if (!hostAllowListed(host, policy)) assertAddressAllowed(host, policy, { host });
    return [host];
  }
  let addresses: string[];
  try {
    addresses = await resolver(host);
  } catch (error) {
    throw new AppError('outbound_target_unresolved', `无法解析目标主机 ${host}`, { details: { host }, cause: error });
  }
  if (addresses.length === 0) throw new AppError('outbound_target_unresolved', `无法解析目标主机 ${host}`, { details: { host } });
  if (!hostAllowListed(host, policy)) for (const address of addresses) assertAddressAllowed(address, policy, { host });
  return addresses;
}

export interface GuardedPostOptions {
  url: string;
  headers: Record<string, string>;
  body: string;
  policy: OutboundPolicy;
  /** Whole request budget (connect, send, response) in ms */
  timeoutMs: number;
  /** Most response bytes read; the rest is discarded */
  maxResponseBytes: number;
  resolver?: Resolver;
}

export interface GuardedPostResult {
  status: number;
  /** The response body, cut at `maxResponseBytes` */
  body: string;
  /** The address connected to */
  address: string;
}

/** POSTs `body` to `url` after checking the URL and every resolved address; connects to a checked address. */
export async function guardedPost(options: GuardedPostOptions): Promise<GuardedPostResult> {
  const url = assertWebhookUrlAllowed(options.url, options.policy, 'url');
  const addresses = await resolveAllowedAddresses(url.hostname, options.policy, options.resolver);
  const address = addresses[0] as string;
  const family = parseIpAddress(address)?.length === 16 ? 6 : 4;
  const pinned: LookupFunction = (_hostname, lookupOptions, callback) => {
    if ((lookupOptions as { all?: boolean }).all === true) {
      (callback as unknown as (err: null, addresses: { address: string; family: number }[]) => void)(null, [{ address, family }]);
    } else {
      callback(null, address, family);
    }
  };
  const client = url.protocol === 'https:' ? https : http;
  return new Promise<GuardedPostResult>((resolve, reject) => {
    const request = client.request(
      url,
      {
        method: 'POST',
        headers: { ...options.headers, 'content-length': String(Buffer.byteLength(options.body)) },
        lookup: pinned,
        timeout: options.timeoutMs,
        signal: AbortSignal.timeout(options.timeoutMs),
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          if (size >= options.maxResponseBytes) return;
          const room = options.maxResponseBytes - size;
          chunks.push(chunk.length > room ? chunk.subarray(0, room) : chunk);
          size += Math.min(chunk.length, room);
          if (size >= options.maxResponseBytes) {
            // Enough read: the status is known, the rest is not wanted.
            resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), address });
            response.destroy();
          }
        });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), address }));
        response.on('error', reject);
      },
    );
    request.on('timeout', () => request.destroy(new Error(`超时（${options.timeoutMs} ms）`)));
    request.on('error', reject);
    request.end(options.body);
  });
}

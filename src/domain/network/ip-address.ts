/**
 * IP addresses for outbound targets (webhooks, SMTP): which addresses are inside the network and so
 * refused unless the system administrator allow-lists them — private, loopback, link-local,
 * multicast, unspecified, cloud metadata and other reserved ranges, for IPv4 and IPv6 (an IPv6
 * address embedding an IPv4 one, e.g. `::ffff:10.0.0.1`, is judged by the IPv4 address) — and
 * whether an address lies in an allow-listed range (`10.20.0.0/16`, `fd00::/8`, `127.0.0.1`).
 * Pure: no DNS, no sockets.
 */

/** Why an address is refused as an outbound target; null for a public address. */
export type AddressClass = 'loopback' | 'private' | 'link_local' | 'multicast' | 'unspecified' | 'metadata' | 'reserved';

/** Chinese names of the address classes (for messages). */
export const ADDRESS_CLASS_LABELS: Record<AddressClass, string> = {
  loopback: '本机回环地址',
  private: '内网地址',
  link_local: '链路本地地址',
  multicast: '组播地址',
  unspecified: '未指定地址',
  metadata: '云平台元数据地址',
  reserved: '保留地址',
};

/** The bytes of an IPv4 (4) or IPv6 (16) address in text form, or null when it is not one. */
export function parseIpAddress(text: string): Uint8Array | null {
  const bare = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  return parseIpv4(bare) ?? parseIpv6(bare);
}

function parseIpv4(text: string): Uint8Array | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  const bytes = new Uint8Array(4);
  for (let i = 0; i < 4; i += 1) {
    const part = parts[i] ?? '';
    if (!/^(0|[1-9][0-9]{0,2})$/.test(part)) return null;
    const value = Number(part);
    if (value > 255) return null;
    bytes[i] = value;
  }
  return bytes;
}

function parseIpv6(input: string): Uint8Array | null {
  const text = input.replace(/%.*$/, '');
  if (!/^[0-9a-fA-F:.]+$/.test(text) || !text.includes(':')) return null;
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const groupsOf = (part: string): number[] | null => {
    if (part === '') return [];
    const out: number[] = [];
    const pieces = part.split(':');
    for (let i = 0; i < pieces.length; i += 1) {
      const piece = pieces[i] ?? '';
      if (i === pieces.length - 1 && piece.includes('.')) {
        const v4 = parseIpv4(piece);
        if (v4 === null) return null;
        out.push(((v4[0] ?? 0) << 8) | (v4[1] ?? 0), ((v4[2] ?? 0) << 8) | (v4[3] ?? 0));
        continue;
      }
      if (!/^[0-9a-fA-F]{1,4}$/.test(piece)) return null;
      out.push(parseInt(piece, 16));
    }
    return out;
  };
  const head = groupsOf(halves[0] ?? '');
  const tail = halves.length === 2 ? groupsOf(halves[1] ?? '') : [];
  if (head === null || tail === null) return null;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const groups = [...head, ...new Array<number>(halves.length === 2 ? missing : 0).fill(0), ...tail];
  const bytes = new Uint8Array(16);
  groups.forEach((group, i) => {
    bytes[i * 2] = group >> 8;
    bytes[i * 2 + 1] = group & 0xff;
  });
  return bytes;
}

function inPrefix(bytes: Uint8Array, prefix: Uint8Array, bits: number): boolean {
  if (bytes.length !== prefix.length) return false;
  for (let bit = 0; bit < bits; bit += 1) {
    const byte = bit >> 3;
    const mask = 0x80 >> (bit & 7);
    if (((bytes[byte] ?? 0) & mask) !== ((prefix[byte] ?? 0) & mask)) return false;
  }
  return true;
}

/** The IPv4 address an IPv6 address carries (mapped `::ffff:a.b.c.d`, compatible `::a.b.c.d`, NAT64 `64:ff9b::/96`). */
function embeddedIpv4(bytes: Uint8Array): Uint8Array | null {
  if (bytes.length !== 16) return null;
  const zeros = (from: number, to: number) => bytes.slice(from, to).every((b) => b === 0);
  const mapped = zeros(0, 10) && bytes[10] === 0xff && bytes[11] === 0xff;
  const compatible = zeros(0, 12) && !zeros(12, 16) && !(zeros(12, 15) && bytes[15] === 1);
  const nat64 = bytes[0] === 0x00 && bytes[1] === 0x64 && bytes[2] === 0xff && bytes[3] === 0x9b && zeros(4, 12);
  return mapped || compatible || nat64 ? bytes.slice(12, 16) : null;
}

const V4_RULES: [string, number, AddressClass][] = [
  ['169.254.169.254', 32, 'metadata'],
  ['169.254.170.2', 32, 'metadata'],
  ['100.100.100.200', 32, 'metadata'],
  ['0.0.0.0', 8, 'unspecified'],
  ['127.0.0.0', 8, 'loopback'],
  ['10.0.0.0', 8, 'private'],
  ['172.16.0.0', 12, 'private'],
  ['192.168.0.0', 16, 'private'],
  ['100.64.0.0', 10, 'private'],
  ['169.254.0.0', 16, 'link_local'],
  ['224.0.0.0', 4, 'multicast'],
  ['192.0.0.0', 24, 'reserved'],
  ['192.0.2.0', 24, 'reserved'],
  ['198.18.0.0', 15, 'reserved'],
  ['198.51.100.0', 24, 'reserved'],
  ['203.0.113.0', 24, 'reserved'],
  ['240.0.0.0', 4, 'reserved'],
];

const V6_RULES: [string, number, AddressClass][] = [
  ['fd00:ec2::254', 128, 'metadata'],
  ['::', 128, 'unspecified'],
  ['::1', 128, 'loopback'],
  ['fe80::', 10, 'link_local'],
  ['fec0::', 10, 'private'],
  ['fc00::', 7, 'private'],
  ['ff00::', 8, 'multicast'],
  ['2001:db8::', 32, 'reserved'],
  ['100::', 64, 'reserved'],
];

const compiledV4 = V4_RULES.map(([a, bits, cls]) => [parseIpv4(a) as Uint8Array, bits, cls] as const);
const compiledV6 = V6_RULES.map(([a, bits, cls]) => [parseIpv6(a) as Uint8Array, bits, cls] as const);

/** Why `address` may not be an outbound target; null when it is a public address. Throws on non-addresses. */
export function classifyAddress(address: string): AddressClass | null {
  const bytes = parseIpAddress(address);
  if (bytes === null) throw new Error(`not an IP address: ${address}`);
  const v4 = bytes.length === 4 ? bytes : embeddedIpv4(bytes);
  if (v4 !== null) {
    for (const [prefix, bits, cls] of compiledV4) if (inPrefix(v4, prefix, bits)) return cls;
    return null;
  }
  for (const [prefix, bits, cls] of compiledV6) if (inPrefix(bytes, prefix, bits)) return cls;
  return null;
}

/** A parsed allow-list range: `10.20.0.0/16`, `fd00::/8` or one address. */
export interface AddressRange {
  bytes: Uint8Array;
  bits: number;
}

/** Parses `a.b.c.d[/n]` or `ipv6[/n]`; null when the text is not a range. */
export function parseAddressRange(text: string): AddressRange | null {
  const [address = '', bitsText, extra] = text.trim().split('/');
  if (extra !== undefined) return null;
  const bytes = parseIpAddress(address);
  if (bytes === null) return null;
  const max = bytes.length * 8;
  if (bitsText === undefined) return { bytes, bits: max };
  if (!/^[0-9]{1,3}$/.test(bitsText)) return null;
  const bits = Number(bitsText);
  return bits > max ? null : { bytes, bits };
}

/** Whether `address` lies in `range` (an IPv4-mapped IPv6 address also matches an IPv4 range). */
export function addressInRange(address: string, range: AddressRange): boolean {
  const bytes = parseIpAddress(address);
  if (bytes === null) return false;
  if (inPrefix(bytes, range.bytes, range.bits)) return true;
  const v4 = embeddedIpv4(bytes);
  return v4 !== null && inPrefix(v4, range.bytes, range.bits);
}

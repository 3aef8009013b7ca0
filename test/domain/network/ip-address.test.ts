import { describe, expect, it } from 'vitest';
import { addressInRange, classifyAddress, parseAddressRange, parseIpAddress } from '../../../src/domain/network/ip-address.ts';

describe('outbound address classes (IPv4, IPv6, IPv4 inside IPv6)', () => {
  const cases: [string, ReturnType<typeof classifyAddress>][] = [
    // private
    ['10.0.0.1', 'private'],
    ['172.16.5.4', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'private'],
    ['fc00::1', 'private'],
    ['fd12:3456::1', 'private'],
    ['::ffff:10.0.0.1', 'private'],
    ['::ffff:a00:1', 'private'],
    ['64:ff9b::c0a8:101', 'private'],
    // loopback
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['::1', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['0:0:0:0:0:ffff:7f00:1', 'loopback'],
    // link-local
    ['169.254.1.1', 'link_local'],
    ['fe80::1', 'link_local'],
    ['fe80::1%eth0', 'link_local'],
    // metadata
    ['169.254.169.254', 'metadata'],
    ['::ffff:169.254.169.254', 'metadata'],
    ['100.100.100.200', 'metadata'],
    ['fd00:ec2::254', 'metadata'],
    // multicast
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['ff02::1', 'multicast'],
    // unspecified
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['::ffff:0.0.0.0', 'unspecified'],
    // reserved / documentation / broadcast
    ['255.255.255.255', 'reserved'],
    ['192.0.2.10', 'reserved'],
    ['2001:db8::1', 'reserved'],
    // public
    ['8.8.8.8', null],
    ['172.32.0.1', null],
    ['2400:3200::1', null],
    ['::ffff:8.8.8.8', null],
  ];
  it.each(cases)('%s → %s', (address, expected) => {
    expect(classifyAddress(address)).toBe(expected);
  });

  it('parses only real addresses', () => {
    for (const text of ['10.0.0', '10.0.0.256', '010.0.0.1', '1:2:3', 'example.org', '1::2::3', '']) {
      expect(parseIpAddress(text), text).toBeNull();
    }
    expect(parseIpAddress('[::1]')).not.toBeNull();
    expect(() => classifyAddress('example.org')).toThrow();
  });

  it('matches allow-listed ranges, also for IPv4-mapped IPv6 addresses', () => {
    const range = parseAddressRange('10.20.0.0/16');
    if (range === null) throw new Error('range');
    expect(addressInRange('10.20.3.4', range)).toBe(true);
    expect(addressInRange('10.21.3.4', range)).toBe(false);
    expect(addressInRange('::ffff:10.20.3.4', range)).toBe(true);
    const single = parseAddressRange('127.0.0.1');
    if (single === null) throw new Error('single');
    expect(addressInRange('127.0.0.1', single)).toBe(true);
    expect(addressInRange('127.0.0.2', single)).toBe(false);
    expect(parseAddressRange('10.0.0.0/33')).toBeNull();
    expect(parseAddressRange('fd00::/8')).not.toBeNull();
    expect(parseAddressRange('hooks.example.org')).toBeNull();
  });
});

import { BlockList, isIP } from 'node:net'

export type AddressFamily = 'ipv4' | 'ipv6'

export function familyOf(address: string): AddressFamily | undefined {
  const version = isIP(address)
  return version === 4 ? 'ipv4' : version === 6 ? 'ipv6' : undefined
}

/**
 * A set of addresses and CIDR ranges, IPv4 or IPv6; a bad entry throws a message naming `source`. One list per
 * family: a single node:net BlockList matches every IPv4 address against an IPv6 rule such as ::ffff:0:0/96.
 * An IPv4-mapped IPv6 address also matches the IPv4 rules of its embedded address.
 */
export function addressSet(entries: readonly string[], source: string): (ip: string) => boolean {
  const lists = { ipv4: new BlockList(), ipv6: new BlockList() }
  for (const entry of entries) {
    const [address = '', bits] = entry.split('/')
    const family = familyOf(address)
    const prefix = Number(bits)
    const maxBits = family === 'ipv6' ? 128 : 32
    if (!family || (bits !== undefined && !(Number.isInteger(prefix) && prefix >= 0 && prefix <= maxBits)))
      throw new Error(`${source}: "${entry}" is not an IP address or CIDR range`)
    if (bits === undefined) lists[family].addAddress(address, family)
    else lists[family].addSubnet(address, prefix, family)
  }
  return (ip) => {
    const family = familyOf(ip)
    if (entries.length === 0 || family === undefined) return false
    // An IPv4-mapped IPv6 address (how a dual-stack socket reports an IPv4 client) matches its IPv4 rules.
    return lists[family].check(ip, family) || (family === 'ipv6' && lists.ipv4.check(ip, 'ipv6'))
  }
}

/** Loopback addresses: this machine. */
export const LOOPBACK_RANGES = ['127.0.0.0/8', '::1/128']

/**
 * Every range a server-side request must not reach unless the operator allows it: this machine, private and
 * shared networks, link-local (cloud metadata at 169.254.169.254), unspecified, multicast, reserved and
 * documentation ranges, and the IPv6 forms that embed an IPv4 address (mapped, compatible, NAT64, 6to4,
 * Teredo), which would otherwise smuggle one of the IPv4 ranges past the check.
 */
const NON_PUBLIC_RANGES = [
  ...LOOPBACK_RANGES,
  '0.0.0.0/8', // unspecified, "this network"
  '10.0.0.0/8',
  '100.64.0.0/10', // carrier-grade NAT
  '169.254.0.0/16', // link-local
  '172.16.0.0/12',
  '192.0.0.0/24',
  '192.0.2.0/24',
  '192.168.0.0/16',
  '198.18.0.0/15',
  '198.51.100.0/24',
  '203.0.113.0/24',
  '224.0.0.0/4', // multicast
  '240.0.0.0/4', // reserved, broadcast
  '::/128', // unspecified
  '::/96', // IPv4-compatible
  '::ffff:0:0/96', // IPv4-mapped
  '64:ff9b::/96', // NAT64
  '64:ff9b:1::/48',
  '100::/64', // discard
  '2001::/32', // Teredo
  '2001:db8::/32', // documentation
  '2002::/16', // 6to4
  'fc00::/7', // unique-local
  'fe80::/10', // link-local
  'fec0::/10', // site-local (deprecated)
  'ff00::/8', // multicast
]

export const isNonPublicAddress = addressSet(NON_PUBLIC_RANGES, 'non-public ranges')

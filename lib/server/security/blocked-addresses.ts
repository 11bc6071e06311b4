import net from "node:net";

/**
 * Addresses an outgoing request must never reach unless the operator
 * allow-lists them (docs/security.md "Outgoing requests"): this host,
 * private networks, link-local (cloud metadata at 169.254.169.254), CGNAT,
 * multicast, documentation and reserved ranges, and IPv6 forms that tunnel
 * to IPv4 (mapped, NAT64, 6to4, Teredo) so no v4 range can be reached by
 * dressing it up as v6.
 */
const BLOCKED_V4: [string, number][] = [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.88.99.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
];
const BLOCKED_V6: [string, number][] = [
  ["::", 96], // unspecified, loopback ::1 and the deprecated IPv4-compatible ::a.b.c.d
  ["64:ff9b::", 96],
  ["64:ff9b:1::", 48],
  ["100::", 64],
  ["2001::", 23],
  ["2001:db8::", 32],
  ["2002::", 16],
  ["fc00::", 7],
  ["fe80::", 10],
  ["fec0::", 10],
  ["ff00::", 8],
];

// IPv4-mapped IPv6 (::ffff:a.b.c.d) needs no entry: BlockList checks it against the IPv4 ranges
// (an ::ffff:0:0/96 entry would match every IPv4 address).
const blocked = new net.BlockList();
for (const [a, p] of BLOCKED_V4) blocked.addSubnet(a, p, "ipv4");
for (const [a, p] of BLOCKED_V6) blocked.addSubnet(a, p, "ipv6");

/** True for an address no outgoing request may reach by default; anything that is not an IP address is refused too. */
export function isBlockedAddress(address: string): boolean {
  const family = net.isIP(address);
  if (family === 0) return true;
  return blocked.check(address, family === 4 ? "ipv4" : "ipv6");
}

import net from "node:net";
import { config } from "@/lib/server/config";

/**
 * The operator's allow-list for outgoing requests (docs/security.md
 * "Outgoing requests"): `SWITCHYARD_WEBHOOK_ALLOW`, comma-separated CIDRs
 * (`10.0.0.0/8`, `::1/128`), single addresses, host names (`hooks.lan`) and
 * domain suffixes (`.corp.example`). This is the one place that reads it.
 */
export interface OutboundAllow {
  addresses: net.BlockList;
  hosts: Set<string>;
  suffixes: string[];
}

let memo: { raw: string; allow: OutboundAllow } | null = null;

export function parseOutboundAllow(raw: string): OutboundAllow {
  const addresses = new net.BlockList();
  const hosts = new Set<string>();
  const suffixes: string[] = [];
  for (const entry of raw.split(",").map((s) => s.trim().toLowerCase()).filter(Boolean)) {
    const [addr, bits] = entry.split("/");
    const family = net.isIP(addr ?? "");
    if (family) {
      const type = family === 4 ? "ipv4" : "ipv6";
      const prefix = bits === undefined ? (family === 4 ? 32 : 128) : Number(bits);
      if (!Number.isInteger(prefix) || prefix < 0 || prefix > (family === 4 ? 32 : 128)) throw new Error(`SWITCHYARD_WEBHOOK_ALLOW: bad CIDR ${entry}`);
      addresses.addSubnet(addr as string, prefix, type);
    } else if (entry.startsWith(".")) suffixes.push(entry);
    else hosts.add(entry);
  }
  return { addresses, hosts, suffixes };
}

/** Read per call (cheap, memoised on the raw value) so tests and operators can change it without a restart of the module. */
export function outboundAllow(): OutboundAllow {
  const raw = config().SWITCHYARD_WEBHOOK_ALLOW ?? "";
  if (memo?.raw !== raw) memo = { raw, allow: parseOutboundAllow(raw) };
  return memo.allow;
}

export function hostAllowed(allow: OutboundAllow, host: string): boolean {
  const h = host.toLowerCase();
  return allow.hosts.has(h) || allow.suffixes.some((s) => h.endsWith(s));
}

export function addressAllowed(allow: OutboundAllow, address: string): boolean {
  return allow.addresses.check(address, net.isIPv4(address) ? "ipv4" : "ipv6");
}

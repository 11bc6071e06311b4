import { randomBytes } from "node:crypto";
import { makeSid, type SidPrefix } from "@/lib/core/ids";

export function newSid(prefix: SidPrefix): string {
  return makeSid(prefix, randomBytes(16));
}

export function newSecret(): string {
  return randomBytes(16).toString("hex");
}

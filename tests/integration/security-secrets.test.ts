import { randomBytes } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { authenticate } from "@/lib/server/api/credentials";
import { db } from "@/lib/server/db/client";
import { reEncryptAuthTokens } from "@/lib/server/security/re-encrypt-auth-tokens";
import { decryptToken } from "@/lib/server/security/token-crypto";
import { createAccount } from "@/lib/server/services/accounts/create-account";

/** Issue 18 item 7: auth tokens are encrypted at rest (AES-GCM, key from the environment) and rotation keeps them usable. */
const hex = (n: number) => randomBytes(n).toString("hex");
const basic = (user: string, pass: string) => ({
  headers: new Headers({ authorization: "Basic " + Buffer.from(`${user}:${pass}`).toString("base64"), "x-switchyard-client-ip": `secrets-${hex(4)}` }),
});
const stored = async (sid: string) => (await db.account.findUniqueOrThrow({ where: { sid }, select: { authToken: true } })).authToken;

describe("auth tokens at rest", () => {
  const savedKey = process.env.SWITCHYARD_TOKEN_KEY;
  const savedPrev = process.env.SWITCHYARD_TOKEN_KEYS_PREVIOUS;
  afterEach(() => {
    for (const [k, v] of [["SWITCHYARD_TOKEN_KEY", savedKey], ["SWITCHYARD_TOKEN_KEYS_PREVIOUS", savedPrev]] as const) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });

  it("are stored encrypted, never as the token, and still authenticate", async () => {
    const { account } = await createAccount({ friendlyName: "s", email: `s-${hex(5)}@int.test`, password: "long-enough-pass" });
    const raw = await stored(account.sid);
    expect(raw).toMatch(/^v1:[0-9a-f]{8}:/);
    expect(raw).not.toContain(account.authToken);
    expect(decryptToken(raw)).toBe(account.authToken);
    await expect(authenticate(basic(account.sid, account.authToken))).resolves.toMatchObject({ accountSid: account.sid });
  });

  it("rotation: the old key still decrypts, reEncryptAuthTokens moves every row (plaintext ones too) to the new key", async () => {
    const { account } = await createAccount({ friendlyName: "r", email: `r-${hex(5)}@int.test`, password: "long-enough-pass" });
    const legacy = await createAccount({ friendlyName: "l", email: `l-${hex(5)}@int.test`, password: "long-enough-pass" });
    await db.account.update({ where: { sid: legacy.account.sid }, data: { authToken: legacy.account.authToken } }); // as stored before encryption
    const oldRaw = await stored(account.sid);
    process.env.SWITCHYARD_TOKEN_KEYS_PREVIOUS = process.env.SWITCHYARD_TOKEN_KEY;
    process.env.SWITCHYARD_TOKEN_KEY = randomBytes(32).toString("base64");
    await expect(authenticate(basic(account.sid, account.authToken))).resolves.toMatchObject({ accountSid: account.sid });
    expect(await reEncryptAuthTokens()).toBeGreaterThanOrEqual(2);
    const newRaw = await stored(account.sid);
    expect(newRaw).not.toBe(oldRaw);
    expect((await stored(legacy.account.sid)).startsWith("v1:")).toBe(true);
    // Without the previous key the new rows still decrypt: rotation is complete.
    process.env.SWITCHYARD_TOKEN_KEYS_PREVIOUS = "";
    expect(decryptToken(newRaw)).toBe(account.authToken);
    await expect(authenticate(basic(legacy.account.sid, legacy.account.authToken))).resolves.toMatchObject({ accountSid: legacy.account.sid });
    // A row under a key no longer configured cannot be read.
    expect(() => decryptToken(oldRaw)).toThrow(/not configured/);
  });
});

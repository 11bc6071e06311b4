import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { authenticate } from "@/lib/server/api/credentials";
import { errorResult } from "@/lib/server/api/respond";
import { authOptions } from "@/lib/server/auth/options";
import { AppError } from "@/lib/server/errors";
import { THRESHOLDS, TooManyAttempts } from "@/lib/server/security/auth-throttle";
import { passwordProblem } from "@/lib/server/security/password-policy";
import { createAccount } from "@/lib/server/services/accounts/create-account";

/** Issue 18 item 4: failed credentials are throttled in Postgres, sign-in timing does not reveal emails, passwords have a policy. */
const hex = (n: number) => randomBytes(n).toString("hex");
const ip = () => `198.51.100.${Math.floor(Math.random() * 250) + 1}-${hex(3)}`;
const basic = (user: string, pass: string, clientIp: string) => ({
  headers: new Headers({ authorization: "Basic " + Buffer.from(`${user}:${pass}`).toString("base64"), "x-switchyard-client-ip": clientIp }),
});
async function failure(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    () => null,
    (e: unknown) => e,
  );
}
type Authorize = (c: Record<string, string>, req: { headers: Record<string, string> }) => Promise<unknown>;
const authorize = (authOptions.providers[0] as unknown as { options: { authorize: Authorize } }).options.authorize;

async function newAccount() {
  const email = `sec-${hex(6)}@int.test`;
  const password = `Correct-Horse-${hex(4)}`;
  const { account } = await createAccount({ friendlyName: "sec", email, password });
  return { sid: account.sid, token: account.authToken, email, password };
}

describe("API credential throttling", () => {
  it("locks an Account SID after its threshold: 429, Retry-After, code 20429, even for the right token", async () => {
    const a = await newAccount();
    for (let i = 0; i < THRESHOLDS.account; i++) {
      const err = await failure(authenticate(basic(a.sid, "wrong", ip())));
      expect((err as AppError).status).toBe(401);
    }
    const locked = await failure(authenticate(basic(a.sid, a.token, ip())));
    expect(locked).toBeInstanceOf(TooManyAttempts);
    const res = errorResult(locked);
    expect(res.status).toBe(429);
    expect(res.body).toMatchObject({ code: 20429, status: 429 });
    expect(Number(res.headers?.["retry-after"])).toBeGreaterThan(0);
  });

  it("locks a client address spraying many SIDs", async () => {
    const from = ip();
    for (let i = 0; i < THRESHOLDS.ip; i++) {
      const err = await failure(authenticate(basic(`AC${hex(16)}`, "x", from)));
      expect((err as AppError).status).toBe(401);
    }
    expect(await failure(authenticate(basic(`AC${hex(16)}`, "x", from)))).toBeInstanceOf(TooManyAttempts);
    // Another address is not affected.
    const a = await newAccount();
    await expect(authenticate(basic(a.sid, a.token, ip()))).resolves.toMatchObject({ accountSid: a.sid });
  });

  it("a NUL byte or junk in the Basic username is a 401, never a database error", async () => {
    for (const user of ["AC\u0000x", "\u0000", "AC" + "a".repeat(5000), "SK\u0000"]) {
      const err = await failure(authenticate(basic(user, "x", ip())));
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).status).toBe(401);
    }
  });
});

describe("console sign-in throttling", () => {
  it("locks an email after 5 failures, even for the right password", async () => {
    const a = await newAccount();
    for (let i = 0; i < THRESHOLDS.email; i++) {
      expect(await authorize({ email: a.email, password: "wrong-password" }, { headers: { "x-switchyard-client-ip": ip() } })).toBeNull();
    }
    const err = await failure(authorize({ email: a.email, password: a.password }, { headers: { "x-switchyard-client-ip": ip() } }));
    expect(String(err)).toMatch(/TooManyAttempts/);
  });

  it("a success clears the email's failures", async () => {
    const a = await newAccount();
    for (let i = 0; i < THRESHOLDS.email - 1; i++) await authorize({ email: a.email, password: "nope-nope-nope" }, { headers: { "x-switchyard-client-ip": ip() } });
    await expect(authorize({ email: a.email, password: a.password }, { headers: { "x-switchyard-client-ip": ip() } })).resolves.toMatchObject({ email: a.email });
    for (let i = 0; i < THRESHOLDS.email - 1; i++) {
      expect(await authorize({ email: a.email, password: "nope-nope-nope" }, { headers: { "x-switchyard-client-ip": ip() } })).toBeNull();
    }
  });

  it("an unknown email takes as long as a known one with a wrong password", async () => {
    const a = await newAccount();
    const time = async (email: string) => {
      const t = performance.now();
      await authorize({ email, password: "wrong-password" }, { headers: { "x-switchyard-client-ip": ip() } });
      return performance.now() - t;
    };
    const median = (xs: number[]) => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)] as number;
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < THRESHOLDS.email - 1; i++) {
      known.push(await time(a.email));
      unknown.push(await time(`nobody-${hex(6)}@int.test`));
    }
    // Both pay one scrypt: without the dummy verification the unknown email was several times faster.
    expect(median(unknown)).toBeGreaterThan(median(known) * 0.75);
  });
});

describe("password policy", () => {
  it.each([
    ["short1!", "a@b.test", /at least 10/],
    ["sec-person@x.test", "sec-person@x.test", /email/],
    ["my-sec-person-pw", "sec-person@x.test", /email/],
    ["password123", "a@b.test", /common/],
    ["aaaaaaaaaaaa", "a@b.test", /different/],
    ["x".repeat(300), "a@b.test", /at most/],
  ])("refuses %j", (pw, email, why) => {
    expect(passwordProblem(pw, email)).toMatch(why);
  });

  it("accepts a long passphrase, and createAccount enforces the policy on the password field", async () => {
    expect(passwordProblem("correct horse battery staple", "a@b.test")).toBeNull();
    const err = await failure(createAccount({ friendlyName: "x", email: `p-${hex(4)}@int.test`, password: "short" }));
    expect(err).toMatchObject({ status: 400, field: "password" });
  });
});

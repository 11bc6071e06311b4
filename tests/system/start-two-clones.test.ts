import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordedPort, serverDataDirectory } from "@/lib/server/db/embedded";
import { basicAuth, cleanUp, ensureBuilt, instanceDbUrl, newAccount, startInstance, stopInstance, tempDataDir, type Instance } from "./start-process";

/**
 * Two checkouts on one machine (docs/operations.md "The embedded database"):
 * two `npm start`s with their own data directories and ports, started at
 * the same moment, each get their own PostgreSQL (its port recorded under
 * its data directory), and what one writes the other never sees. A second
 * start on the same data directory reuses that directory's server, after
 * checking `SHOW data_directory`.
 */
const dirA = tempDataDir("clone-a");
const dirB = tempDataDir("clone-b");
const running: Instance[] = [];

beforeAll(ensureBuilt);
afterAll(async () => {
  for (const i of running) await stopInstance(i);
  await cleanUp(dirA);
  await cleanUp(dirB);
});

async function createService(port: number, account: { sid: string; token: string }, name: string) {
  const res = await fetch(`http://127.0.0.1:${port}/v1/Services`, {
    method: "POST",
    headers: { authorization: basicAuth(account.sid, account.token), "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ FriendlyName: name }),
  });
  expect(res.status).toBe(201);
}
async function serviceNames(port: number, account: { sid: string; token: string }): Promise<string[] | number> {
  const res = await fetch(`http://127.0.0.1:${port}/v1/Services`, { headers: { authorization: basicAuth(account.sid, account.token) } });
  if (res.status !== 200) return res.status;
  return ((await res.json()) as { services: { friendly_name: string }[] }).services.map((s) => s.friendly_name);
}

describe("two checkouts on one machine", () => {
  it("keep two databases; a second start on the same data directory reuses its own server", async () => {
    const a = newAccount();
    const b = newAccount();
    const env = (acc: { sid: string; token: string }) => ({ SWITCHYARD_ACCOUNT_SID: acc.sid, SWITCHYARD_AUTH_TOKEN: acc.token });
    const [ia, ib] = await Promise.all([
      startInstance({ port: 3210, dataDir: dirA, env: env(a) }),
      startInstance({ port: 3220, dataDir: dirB, env: env(b) }),
    ]);
    running.push(ia, ib);

    // Each directory's own server, on its own recorded port, reporting its own data directory.
    const portA = recordedPort(dirA);
    const portB = recordedPort(dirB);
    expect(portA).toBeDefined();
    expect(portB).toBeDefined();
    expect(portA).not.toBe(portB);
    expect(await serverDataDirectory(portA!, dirA)).toBe(`${dirA}/postgres`);
    expect(await serverDataDirectory(portB!, dirB)).toBe(`${dirB}/postgres`);
    expect(ia.output()).toContain(`Embedded PostgreSQL for ${dirA}/postgres on 127.0.0.1:${portA} (started)`);

    // Data written through one is invisible to the other.
    await createService(3210, a, "only in clone A");
    await createService(3220, b, "only in clone B");
    expect(await serviceNames(3210, a)).toEqual(["only in clone A"]);
    expect(await serviceNames(3220, b)).toEqual(["only in clone B"]);
    // A's account does not even exist in B's database (and the other way round).
    expect(await serviceNames(3220, a)).toBe(401);
    expect(await serviceNames(3210, b)).toBe(401);

    // A second start on A's directory (another port) finds A's server, checks it, and shares its data.
    const ia2 = await startInstance({ port: 3230, dataDir: dirA, env: env(a) });
    running.push(ia2);
    expect(ia2.output()).toContain(`Embedded PostgreSQL for ${dirA}/postgres on 127.0.0.1:${portA} (already running, verified as this directory's)`);
    expect(await serviceNames(3230, a)).toEqual(["only in clone A"]);
    // It did not start that server, so stopping it leaves the server to the instance that did.
    expect(await stopInstance(ia2)).toBe(0);
    const still = new pg.Client({ connectionString: instanceDbUrl(dirA) });
    await still.connect();
    expect((await still.query("SELECT 1 AS one")).rows[0]).toEqual({ one: 1 });
    await still.end();
    expect(await serviceNames(3210, a)).toEqual(["only in clone A"]);

    // The instance that started it stops it on SIGTERM.
    expect(await stopInstance(ia)).toBe(0);
    expect(await serverDataDirectory(portA!, dirA)).toBeNull();
    expect(await stopInstance(ib)).toBe(0);
    expect(await serverDataDirectory(portB!, dirB)).toBeNull();
  });
});

import { chromium, type Browser } from "@playwright/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleanUp, ensureBuilt, startInstance, stopInstance, tempDataDir, type Instance } from "./start-process";

/**
 * Sign-in against the production server as `npm start` runs it, with and
 * without JavaScript (docs/operations.md "Starting and stopping"): the
 * credentials appear in no URL the browser saw and in no line the server
 * wrote (its stdout and stderr are captured whole), and nothing answered
 * 5xx, not even while starting. The admin's password comes from SWITCHYARD_ADMIN_PASSWORD, so start-up
 * does not print it either.
 */
const PORT = 3250;
const dataDir = tempDataDir("signin");
const email = "operator@signin.test";
const password = "pw-Sekr1t-do-not-log";
let instance: Instance | undefined;
let browser: Browser | undefined;

beforeAll(ensureBuilt);
afterAll(async () => {
  await browser?.close();
  if (instance) await stopInstance(instance);
  await cleanUp(dataDir);
});

describe("sign-in on the production server", () => {
  it("never puts credentials in a URL or the server's log", async () => {
    // While it starts, the port is closed or answers; never a 5xx.
    const startup: number[] = [];
    let polling = true;
    const poller = (async () => {
      while (polling) {
        try {
          startup.push((await fetch(`http://127.0.0.1:${PORT}/login`, { redirect: "manual" })).status);
        } catch {
          // not listening yet
        }
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    instance = await startInstance({ port: PORT, dataDir, env: { SWITCHYARD_ADMIN_EMAIL: email, SWITCHYARD_ADMIN_PASSWORD: password } });
    polling = false;
    await poller;
    expect(startup.filter((s) => s >= 500)).toEqual([]);
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"] });
    const urls: string[] = [];
    const statuses: number[] = [];
    for (const javaScriptEnabled of [false, true]) {
      const context = await browser.newContext({ javaScriptEnabled, baseURL: `http://127.0.0.1:${PORT}` });
      const page = await context.newPage();
      page.on("request", (r) => urls.push(r.url()));
      page.on("response", (r) => statuses.push(r.status()));
      await page.goto("/services");
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill("wrong-" + password);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.getByText("Wrong email or password.").waitFor();
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill(password);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.getByRole("heading", { name: "Messaging Services" }).waitFor();
      expect(new URL(page.url()).pathname).toBe("/services");
      await context.close();
    }
    expect(await stopInstance(instance)).toBe(0);
    const log = instance.output();
    instance = undefined;

    expect(urls.length).toBeGreaterThan(4);
    for (const u of urls) {
      expect(decodeURIComponent(u)).not.toContain(password);
      expect(decodeURIComponent(u)).not.toContain(email);
    }
    expect(statuses.every((s) => s < 500)).toBe(true);
    // The server did start, serve and stop (so the log is the real one), and never wrote a credential.
    expect(log).toMatch(/ready in [\d.]+ s/);
    expect(log).toContain("Stopped.");
    expect(log).not.toContain(password);
    expect(log).not.toMatch(/password=/i);
    expect(log).not.toContain(encodeURIComponent(email));
  });
});

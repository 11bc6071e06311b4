import net from "node:net";
import { test, expect } from "./fixtures/test";
import { e2eDb } from "./fixtures/db";

/**
 * Issue 18's remaining probes against the real server (front server + Next),
 * docs/security.md: body limits on console paths, a server action replayed
 * with a forged Origin and X-Forwarded-Host, the lock message in the sign-in
 * form, and the API's own answers (TRACE, 431, 413) in Twilio's shape.
 */
const MiB = 1 << 20;

/** One raw HTTP/1.1 exchange (headers Playwright would normalise or refuse to send). */
function rawRequest(baseURL: string, text: string): Promise<string> {
  const { hostname, port } = new URL(baseURL);
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: hostname === "localhost" ? "127.0.0.1" : hostname, port: Number(port) });
    let out = "";
    socket.on("data", (d: Buffer) => (out += d.toString()));
    socket.on("end", () => resolve(out));
    socket.on("error", (e) => (out ? resolve(out) : reject(e)));
    socket.write(text);
  });
}

test("an oversized console POST gets a clean 413; one under the limit reaches Next", async ({ request }) => {
  const action = { "next-action": "7f" + "0".repeat(40), "content-type": "text/plain;charset=UTF-8", accept: "text/x-component" };
  const big = await request.post("/services", { headers: action, data: "x".repeat(MiB + 1) });
  expect(big.status()).toBe(413);
  expect(await big.text()).toMatch(/Request body too large/);
  for (const path of ["/sim/Inbound", "/api/console/carriers"]) {
    const res = await request.post(path, { headers: { "content-type": "application/x-www-form-urlencoded" }, data: "Body=" + "y".repeat(2 * MiB) });
    expect(res.status(), path).toBe(413);
  }
  // Under the limit the request is Next's to answer (an unknown action here): anything but the front server's 413.
  const small = await request.post("/services", { headers: action, data: "x".repeat(MiB - 4096) });
  expect(small.status()).not.toBe(413);
});

test("a server action replayed with a forged Origin and X-Forwarded-Host is refused", async ({ signedIn: page, account, baseURL }) => {
  await page.goto("/settings");
  // Capture the real "Show auth token" action call the page makes.
  const call = page.waitForRequest((r) => r.method() === "POST" && r.headers()["next-action"] !== undefined);
  await page.getByRole("button", { name: "Show auth token" }).click();
  const req = await call;
  await expect(page.getByLabel("auth token")).toHaveText(account.authToken);
  const headers = { "next-action": req.headers()["next-action"]!, "content-type": req.headers()["content-type"] ?? "text/plain;charset=UTF-8", accept: "text/x-component" };
  const url = new URL("/settings", baseURL).toString();

  // The same call from this origin works (the probe is sound)...
  const same = await page.request.post(url, { headers: { ...headers, origin: new URL(baseURL!).origin }, data: req.postData() ?? "[]" });
  expect(await same.text()).toContain(account.authToken);
  // ...from another origin, claiming to be that host through X-Forwarded-Host, it is not (the front server drops the header).
  const forged = await page.request.post(url, { headers: { ...headers, origin: "http://evil.example", "x-forwarded-host": "evil.example" }, data: req.postData() ?? "[]" });
  expect(forged.ok()).toBe(false);
  expect(await forged.text()).not.toContain(account.authToken);
});

test("the sign-in form posts (no credentials in a URL, even before hydration)", async ({ request }) => {
  const html = await (await request.get("/login")).text();
  const form = /<form[^>]*aria-label="Sign in"[^>]*>|<form[^>]*>(?=[\s\S]*?name="password")/i.exec(html)?.[0] ?? "";
  expect(form).toMatch(/method="post"/i);
});

test("the sign-in form says when an email is locked, even for the right password", async ({ page, account }) => {
  // A lock as the throttle leaves it after a burst of wrong passwords (docs/security.md "Throttling").
  await e2eDb().query(
    `INSERT INTO auth_throttle (key, failures, window_start, locked_until) VALUES ($1, 12, LOCALTIMESTAMP, LOCALTIMESTAMP + interval '10 minutes')
     ON CONFLICT (key) DO UPDATE SET failures = 12, locked_until = EXCLUDED.locked_until`,
    [`email:${account.email.toLowerCase()}`],
  );
  await page.goto("/login");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: /Too many attempts/ })).toHaveText("Too many attempts. Wait a few minutes, then try again.");
  expect(new URL(page.url()).pathname).toBe("/login");
});

test("the API answers TRACE, oversized headers and oversized bodies in Twilio's JSON shape", async ({ request, baseURL }) => {
  const trace = await request.fetch("/v1/Services", { method: "TRACE" });
  expect(trace.status()).toBe(405);
  expect(await trace.json()).toMatchObject({ code: 20004, status: 405 });

  const big = await request.post("/2010-04-01/Accounts/AC00000000000000000000000000000000/Messages.json", { data: "Body=" + "b".repeat(MiB), headers: { "content-type": "application/x-www-form-urlencoded" } });
  expect(big.status()).toBe(413);
  expect(await big.json()).toMatchObject({ code: 20001, status: 413 });

  const raw = await rawRequest(baseURL!, `GET /v1/Services HTTP/1.1\r\nHost: localhost\r\nX-Big: ${"a".repeat(70_000)}\r\nConnection: close\r\n\r\n`);
  expect(raw).toMatch(/^HTTP\/1\.1 431 /);
  expect(JSON.parse(raw.slice(raw.indexOf("\r\n\r\n") + 4))).toMatchObject({ code: 20001, status: 431 });
});

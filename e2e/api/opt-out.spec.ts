import { randomInt } from "node:crypto";
import { test, expect } from "../fixtures/test";
import { createTestAccount } from "../fixtures/db";
import { seedPoolNumber, seedService } from "../fixtures/messages";
import { optOutsApi, seedApiKey, type OptOutJson } from "../fixtures/opt-out";
import { twilioClient } from "../fixtures/twilio-client";

const line = () => `+1415${String(randomInt(2_000_000, 9_999_999))}`;

test("OptOuts extension: create, duplicate, paged list with filter, fetch, 21610 on send, delete, errors, other account", async ({ account }) => {
  const client = twilioClient(account.accountSid, account.authToken);
  const service = await seedService(account.accountSid, "Opt-out API");
  await seedPoolNumber(account.accountSid, service, line());
  const base = `/v1/Services/${service}/OptOuts`;
  const [a, b, c] = [line(), line(), line()];

  const created = await optOutsApi(client, "post", base, { PhoneNumber: a });
  expect(created.status).toBe(201);
  expect(created.body).toMatchObject({ account_sid: account.accountSid, service_sid: service, phone_number: a, source: "api", created_by: account.accountSid });
  expect((created.body as unknown as OptOutJson).date_created).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
  expect((await optOutsApi(client, "post", base, { PhoneNumber: ` ${a} ` })).status).toBe(200);

  // An API key's requests are recorded with the key.
  const key = await seedApiKey(account.accountSid);
  const keyClient = twilioClient(key.sid, key.secret, account.accountSid);
  expect((await optOutsApi(keyClient, "post", base, { PhoneNumber: b })).body).toMatchObject({ phone_number: b, created_by: key.sid });
  await optOutsApi(client, "post", base, { PhoneNumber: c });

  // Paging: twilio-node style v1 envelope, next_page_url absolute and followed verbatim.
  const seen: string[] = [];
  let url: string | null = `${base}?PageSize=2`;
  while (url) {
    const page = await optOutsApi(client, "get", url);
    expect(page.status).toBe(200);
    const meta = page.body.meta as { key: string; page_size: number; next_page_url: string | null };
    expect(meta).toMatchObject({ key: "opt_outs", page_size: 2 });
    seen.push(...(page.body.opt_outs as OptOutJson[]).map((o) => o.phone_number));
    url = meta.next_page_url;
  }
  expect(seen.sort()).toEqual([a, b, c].sort());
  const filtered = await optOutsApi(client, "get", base, { PhoneNumber: b.slice(-7) });
  expect((filtered.body.opt_outs as OptOutJson[]).map((o) => o.phone_number)).toEqual([b]);
  expect((await optOutsApi(client, "get", `${base}/${encodeURIComponent(a)}`)).body).toMatchObject({ phone_number: a, source: "api" });

  // The opt-out is what sends check: the official client gets RestException 21610.
  await expect(client.messages.create({ to: a, messagingServiceSid: service, body: "promo" })).rejects.toMatchObject({ code: 21610, status: 400 });

  const removed = await optOutsApi(client, "delete", `${base}/${encodeURIComponent(a)}`);
  expect(removed.status).toBe(204);
  expect(await optOutsApi(client, "delete", `${base}/${encodeURIComponent(a)}`)).toMatchObject({ status: 404, body: { code: 20404 } });
  expect(await optOutsApi(client, "get", `${base}/${encodeURIComponent(a)}`)).toMatchObject({ status: 404, body: { code: 20404 } });
  const sent = await client.messages.create({ to: a, messagingServiceSid: service, body: "welcome back" });
  expect(sent.status).toBe("accepted");

  // Bad input changes nothing.
  expect(await optOutsApi(client, "post", base, { PhoneNumber: "not-a-number" })).toMatchObject({ status: 400, body: { code: 21211 } });
  expect(await optOutsApi(client, "post", base, {})).toMatchObject({ status: 400, body: { code: 21604 } });
  expect(await optOutsApi(client, "get", base, { PageSize: "0" })).toMatchObject({ status: 400, body: { code: 20001 } });
  expect(((await optOutsApi(client, "get", base)).body.opt_outs as OptOutJson[]).length).toBe(2);

  // Another account: the service does not exist for it.
  const other = await createTestAccount();
  const otherClient = twilioClient(other.accountSid, other.authToken);
  expect(await optOutsApi(otherClient, "get", base)).toMatchObject({ status: 404, body: { code: 20404 } });
  expect(await optOutsApi(otherClient, "post", base, { PhoneNumber: line() })).toMatchObject({ status: 404, body: { code: 20404 } });
  expect(await optOutsApi(otherClient, "delete", `${base}/${encodeURIComponent(b)}`)).toMatchObject({ status: 404, body: { code: 20404 } });
  expect(await optOutsApi(twilioClient(account.accountSid, "wrong-token"), "get", base)).toMatchObject({ status: 401, body: { code: 20003 } });
  expect(((await optOutsApi(client, "get", base)).body.opt_outs as OptOutJson[]).map((o) => o.phone_number).sort()).toEqual([b, c].sort());
});

import type { Page } from "@playwright/test";
import { test, expect } from "./fixtures/test";
import { randomUsNumber, seedAlerts, seedAlphaSender } from "./fixtures/content";
import { e2eDb, type TestAccount } from "./fixtures/db";
import { seedNumber, seedShortCode, uniqueDigits } from "./fixtures/inventory";
import { seedMessages, seedService } from "./fixtures/messages";

// Issue #19, "Defects seen" (layout): no console page scrolls sideways on a 1366 px laptop or a
// 390 px phone, the key columns of the wide tables stay in view, and the phone navigation is a menu.

const LAPTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };

/** An unbroken long word (a URL, a token) is the worst case for a table cell. */
const LONG_BODY = `Your order is ready: https://shop.example.com/orders/${"a1b2c3d4".repeat(30)} ` + "and more words follow. ".repeat(40);
const LONG_WEBHOOK = `https://hooks.example.com/inbound/${"segment-".repeat(20)}end?token=${"f".repeat(60)}`;
const LONG_ALERT =
  "Sender ID pre-registration is required for IN; unregistered alphanumeric senders may be filtered by the destination carriers, " +
  "so register the sender ID with each carrier before sending marketing traffic. Sender: ACME.";

interface Seeded {
  serviceSid: string;
  messageSid: string;
  numberSid: string;
}

/** One account with what makes each page wide: long bodies, a long webhook, a full pool, long alerts. */
async function seedWide(account: TestAccount): Promise<Seeded> {
  const serviceSid = await seedService(account.accountSid, "Layout service with a fairly long friendly name");
  const number = randomUsNumber();
  const numberSid = await seedNumber(account.accountSid, number, { serviceSid });
  await e2eDb().query(`UPDATE phone_numbers SET sms_url = $2 WHERE sid = $1`, [numberSid, LONG_WEBHOOK]);
  await seedShortCode(account.accountSid, uniqueDigits(6));
  await seedAlphaSender(account.accountSid, serviceSid, "ACME");
  const [messageSid] = await seedMessages(account.accountSid, [
    {
      serviceSid,
      from: number,
      to: "+14155550123",
      body: LONG_BODY,
      status: "undelivered",
      errorCode: 30003,
      routingTrace: { trace: [`sticky: no mapping`, `tier long_code: ${numberSid} (geo-match 415)`], warnings: [] },
    },
    ...Array.from({ length: 3 }, (_, i) => ({ serviceSid, from: number, to: "+14155550124", body: `short ${i}` })),
  ]);
  await seedAlerts(account.accountSid, [{ serviceSid, messageSid, code: 21612, text: LONG_ALERT, createdAt: new Date() }]);
  return { serviceSid, messageSid: messageSid as string, numberSid };
}

function pages(s: Seeded): string[] {
  return [
    "/services",
    "/services/new",
    `/services/${s.serviceSid}`,
    `/services/${s.serviceSid}/sender-pool`,
    `/services/${s.serviceSid}/integration`,
    `/services/${s.serviceSid}/content`,
    `/services/${s.serviceSid}/opt-out`,
    `/services/${s.serviceSid}/opt-out/list`,
    `/services/${s.serviceSid}/links`,
    `/services/${s.serviceSid}/compliance`,
    "/numbers",
    `/numbers?edit=${s.numberSid}`,
    "/carriers",
    "/carriers/new",
    "/logs",
    `/logs/${s.messageSid}`,
    "/conversations",
    "/send",
    "/domains",
    "/alerts",
    "/settings",
  ];
}

/** How far the document scrolls sideways (0: it does not). */
async function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => {
    const el = document.scrollingElement ?? document.documentElement;
    return el.scrollWidth - el.clientWidth;
  });
}

/** The innermost elements reaching past the right edge, so a failure says what to fix. */
async function widestElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const edge = document.documentElement.clientWidth + 1;
    // Content of a scroll box is clipped by it; only what escapes every box widens the page.
    const clipped = (e: Element) => {
      for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) if (getComputedStyle(a).overflowX !== "visible") return true;
      return false;
    };
    const past = [...document.querySelectorAll("body *")].filter((e) => e.getBoundingClientRect().right > edge && !clipped(e));
    return past
      .filter((e) => ![...e.children].some((c) => past.includes(c)))
      .slice(0, 3)
      .map((e) => `${e.tagName.toLowerCase()}.${String(e.getAttribute("class") ?? "").split(" ").slice(0, 4).join(".")} "${(e.textContent ?? "").slice(0, 30)}"`);
  });
}

/** How far a table's own scroll box hides columns to the right (0: all columns in view). */
async function hiddenTableWidth(page: Page, label: string): Promise<number> {
  return page.getByRole("table", { name: label }).evaluate((t) => {
    const box = t.parentElement as HTMLElement;
    return box.scrollWidth - box.clientWidth;
  });
}

for (const [name, viewport] of [
  ["1366 px", LAPTOP],
  ["390 px", PHONE],
] as const) {
  test(`no console page scrolls sideways at ${name}`, async ({ signedIn: page, account }, info) => {
    test.setTimeout(180_000);
    const seeded = await seedWide(account);
    await page.setViewportSize(viewport);
    const overflowing: string[] = [];
    for (const path of pages(seeded)) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      // Client tables (Message Logs) render their rows after hydration.
      await page.waitForLoadState("networkidle");
      const slug = path.replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "") || "root";
      await page.screenshot({ path: info.outputPath(`${viewport.width}-${slug}.png`), fullPage: true });
      const over = await sidewaysOverflow(page);
      if (over > 0) overflowing.push(`${path} (+${over} px: ${(await widestElements(page)).join("; ")})`);
    }
    expect(overflowing, "pages wider than the viewport").toEqual([]);
  });
}

test("at 1366 px the wide tables keep every column in view, and alert details are readable", async ({ signedIn: page, account }) => {
  const seeded = await seedWide(account);
  await page.setViewportSize(LAPTOP);

  await page.goto("/logs");
  const logs = page.getByRole("table", { name: "Messages" });
  const long = logs.getByRole("row").filter({ hasText: "Your order is ready" });
  await expect(long).toBeVisible();
  expect(await hiddenTableWidth(page, "Messages")).toBe(0);
  await expect(logs.getByRole("columnheader", { name: "Segments" })).toBeInViewport();
  // The cell is one cut line with its start in the title (the list carries 160 characters); the
  // message's own page, one click away, shows the whole body.
  await expect(long.getByTitle(LONG_BODY.slice(0, 60))).toBeVisible();
  await long.getByRole("link", { name: `Message ${seeded.messageSid}` }).click();
  await expect(page.getByLabel("Message body")).toContainText("and more words follow.");

  await page.goto("/numbers");
  expect(await hiddenTableWidth(page, "Phone numbers")).toBe(0);
  const row = page.getByRole("table", { name: "Phone numbers" }).getByRole("row").nth(1);
  await expect(row.getByRole("link", { name: /^Configure / })).toBeInViewport();
  await expect(row.getByTitle(`POST ${LONG_WEBHOOK}`)).toBeVisible();

  await page.goto(`/services/${seeded.serviceSid}/sender-pool`);
  expect(await hiddenTableWidth(page, "Senders")).toBe(0);

  await page.goto("/alerts");
  expect(await hiddenTableWidth(page, "Alerts")).toBe(0);
  const details = page.getByRole("table", { name: "Alerts" }).getByRole("cell", { name: /register the sender ID/ });
  const box = await details.boundingBox();
  // "Readable": a column about a third of the table, not a sliver of a few words per line.
  expect(box?.width ?? 0).toBeGreaterThanOrEqual(280);
});

test("on a phone the navigation is a menu: a button opens it, Escape closes it, a link follows", async ({ signedIn: page }) => {
  await page.setViewportSize(PHONE);
  await page.goto("/services");
  const menu = page.getByRole("button", { name: "Menu" });
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(nav.getByRole("link", { name: "Message Logs" })).toBeHidden();

  await menu.focus();
  await page.keyboard.press("Enter");
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  await expect(nav.getByRole("link", { name: "Message Logs" })).toBeVisible();
  expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
  await page.screenshot({ path: test.info().outputPath("390-menu-open.png") });
  await page.keyboard.press("Tab");
  // The first entry of the menu.
  await expect(nav.getByRole("link", { name: "Overview" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(menu).toBeFocused();
  await expect(nav.getByRole("link", { name: "Message Logs" })).toBeHidden();

  await menu.click();
  await nav.getByRole("link", { name: "Message Logs" }).click();
  await expect(page.getByRole("heading", { name: "Message Logs", level: 1 })).toBeVisible();
  await expect(menu).toHaveAttribute("aria-expanded", "false");

  // From the md breakpoint up the navigation is a sidebar, always shown, and there is no menu button.
  await page.setViewportSize(LAPTOP);
  await expect(menu).toBeHidden();
  await expect(nav.getByRole("link", { name: "Message Logs" })).toBeVisible();
});

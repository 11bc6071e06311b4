import { randomInt } from "node:crypto";
import type { Page, TestInfo } from "@playwright/test";
import { test, expect as baseExpect } from "./fixtures/test";
import { createTestAccount } from "./fixtures/db";
import { signInViaApi } from "./fixtures/test";

// Guided setup (docs/console.md "Guided setup"). Numbers are global: each test buys from its own area code.
// Most steps are a server action then a redirect and a render: on the shared 2-core machine that can take
// longer than the default 10 s, so this spec waits up to 30 s (a pass is not slower for it).
const expect = baseExpect.configure({ timeout: 30_000 });

const serviceSidOf = (page: Page) => /\/services\/(MG[0-9a-f]{32})\//.exec(page.url())![1]!;
const steps = (page: Page) => page.getByRole("navigation", { name: "Setup steps" });
const step = (page: Page, label: string) => steps(page).getByRole("link", { name: new RegExp(`^Step \\d: ${label}\\b`) });

/** Screenshots at a laptop and a phone width (looked at by hand), and no sideways scrolling on either. */
async function checkWidths(page: Page, info: TestInfo, name: string) {
  // A toast shown while the viewport shrinks keeps its desktop offset until it closes: measure the page, not the toast.
  await expect(page.locator("[data-sonner-toast]")).toHaveCount(0, { timeout: 15_000 });
  for (const [w, h] of [
    [1366, 900],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.screenshot({ path: info.outputPath(`${name}-${w}.png`), fullPage: true });
    // Page-level sideways scrolling; a failure names what sticks out (wide tables scroll inside their own box).
    const over = await page.evaluate(() =>
      document.documentElement.scrollWidth <= window.innerWidth
        ? []
        : [`scrollWidth ${document.documentElement.scrollWidth}`].concat(
            [...document.querySelectorAll("body *")]
              // The outermost elements that stick out (what is inside them follows).
              .filter((e) => {
                if (e.getBoundingClientRect().right <= window.innerWidth + 1) return false;
                // Inside a scroll box it scrolls there; but an absolutely positioned element escapes a box that is not positioned.
                const abs = getComputedStyle(e).position === "absolute";
                for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
                  const style = getComputedStyle(a);
                  if (style.overflowX !== "visible" && (!abs || style.position !== "static")) return false;
                }
                return true;
              })
              .slice(0, 5)
              .map((e) => `${e.tagName.toLowerCase()}.${String(e.className).slice(0, 60)} ${Math.round(e.getBoundingClientRect().right)}`),
          ),
    );
    expect(over, `${name} at ${w} px scrolls sideways`).toEqual([]);
  }
  await page.setViewportSize({ width: 1366, height: 900 });
}

async function createThroughFlow(page: Page, name: string) {
  await page.getByLabel("Friendly name").fill(name);
  await page.getByLabel("Use case").selectOption("notifications");
  await page.getByRole("button", { name: "Create" }).click();
  await expect(page).toHaveURL(/\/services\/MG[0-9a-f]{32}\/setup\/senders$/);
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
  return serviceSidOf(page);
}

async function buyInto(page: Page, areaCode: string, number: string) {
  await page.getByLabel("Country", { exact: true }).selectOption("US");
  await page.getByLabel("Type", { exact: true }).selectOption("local");
  await page.getByLabel("Area code").fill(areaCode);
  await page.getByRole("button", { name: "Search" }).click();
  const available = page.getByRole("table", { name: "Available numbers" });
  await expect(available.getByRole("row", { name: new RegExp(`\\${number}`) })).toBeVisible();
  await page.getByRole("button", { name: `Buy ${number} and add it to the pool` }).click();
  await expect(page.getByText(`Bought ${number} and added it to the pool`)).toBeVisible();
  await expect(page.getByRole("table", { name: "Senders" }).getByRole("row", { name: new RegExp(`\\${number}`) })).toContainText("Long code");
  // Bought: it leaves the inventory.
  await expect(available.getByRole("row", { name: new RegExp(`\\${number}`) })).toHaveCount(0);
}

test("a new account: empty list, every step, buying a number inline, ends on Send Test and sends", async ({ signedIn: page }, info) => {
  test.setTimeout(300_000);
  await page.goto("/services");
  await expect(page.getByText("No Messaging Services yet")).toBeVisible();
  await checkWidths(page, info, "empty-list");
  await page.getByRole("link", { name: "Start guided setup" }).click();
  await expect(page).toHaveURL(/\/services\/new$/);
  await expect(steps(page).locator('[aria-current="step"]')).toContainText("Name and use case");
  await expect(steps(page).getByRole("link")).toHaveCount(0); // later steps wait for the service
  await checkWidths(page, info, "step1-new");

  // Step 1: a field error keeps the rest of what was typed.
  await page.getByLabel("Use case").selectOption("notifications");
  await page.getByRole("button", { name: "Create" }).click();
  await expect(page.getByText("Friendly name is required").first()).toBeVisible();
  await expect(page.getByLabel("Use case")).toHaveValue("notifications");
  const sid = await createThroughFlow(page, "Order updates");
  await expect(step(page, "Name and use case")).toContainText("Done");
  await expect(step(page, "Senders")).toHaveAttribute("aria-current", "step");
  await expect(step(page, "Senders")).toContainText("To do");
  // An empty pool cannot be continued, only skipped.
  await expect(page.getByRole("button", { name: "Continue" })).toBeDisabled();

  // Step 2: buy a number straight into the pool.
  await buyInto(page, "512", "+15125550100");
  await expect(step(page, "Senders")).toContainText("Done");
  await checkWidths(page, info, "step2-senders");
  await page.getByRole("button", { name: "Continue" }).click();

  // Step 3: the Integration form, same validation; what was typed survives an error.
  await expect(page).toHaveURL(new RegExp(`/services/${sid}/setup/integration$`));
  await page.getByLabel("Incoming messages").selectOption("webhook");
  await page.getByLabel("Request URL").fill("not a url");
  await page.getByLabel("Status callback URL").fill("https://example.com/status");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Enter an absolute http(s) URL")).toBeVisible();
  await expect(page.getByLabel("Status callback URL")).toHaveValue("https://example.com/status");
  await page.getByLabel("Request URL").fill("https://example.com/sms");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Settings saved")).toBeVisible();
  await expect(step(page, "Integration")).toContainText("Done");
  await checkWidths(page, info, "step3-integration");
  await page.getByRole("button", { name: "Continue" }).click();

  // Step 4: a US long code is in the pool, so A2P 10DLC is offered; skipped here.
  await expect(page).toHaveURL(new RegExp(`/services/${sid}/setup/compliance$`));
  await expect(page.getByRole("heading", { name: "A2P 10DLC registration" })).toBeVisible();
  await expect(page.getByText("This pool has 1 US long code.", { exact: false })).toBeVisible();
  await expect(page.getByRole("form", { name: "Register a brand" })).toBeVisible();
  await expect(step(page, "Compliance")).toContainText("To do");
  await checkWidths(page, info, "step4-compliance");
  await page.getByRole("button", { name: "Skip this step" }).click();

  // The end: Send Test for this service.
  await expect(page).toHaveURL(new RegExp(`/services/${sid}/setup/test$`));
  await expect(step(page, "Compliance")).toContainText("Skipped");
  await expect(page.getByRole("heading", { name: "Send Test" })).toBeVisible();
  await expect(page.getByLabel("Messaging Service")).toHaveValue(sid);
  await page.getByLabel("To", { exact: true }).fill(`+1415${String(randomInt(2_000_000, 9_999_999))}`);
  await page.getByLabel("Body", { exact: true }).fill("Your order shipped");
  await page.getByRole("button", { name: "Send", exact: true }).click();
  await expect(page.getByText(/Message SM[0-9a-f]{32} accepted/)).toBeVisible();
  await expect(page.getByLabel("Chosen sender")).toHaveText("+15125550100", { timeout: 20_000 });
  await expect(page.getByLabel("Current status")).toHaveText("delivered", { timeout: 20_000 });
  await checkWidths(page, info, "step5-test");

  await page.getByRole("link", { name: "Finish setup" }).click();
  await expect(page).toHaveURL(new RegExp(`/services/${sid}$`));
  await expect(page.getByRole("form", { name: "Service properties" })).toBeVisible();
  // The list now shows the service with its sender.
  await page.goto("/services");
  await expect(page.getByRole("table", { name: "Messaging Services" }).getByRole("row", { name: /Order updates/ })).toContainText("1");
});

test("revisit steps from the stepper (keyboard too), and register A2P 10DLC inside the flow", async ({ signedIn: page }) => {
  test.setTimeout(300_000);
  await page.goto("/services");
  await page.getByRole("link", { name: "Create Messaging Service" }).click();
  const sid = await createThroughFlow(page, "Revisited");
  await buyInto(page, "737", "+17375550100");
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByRole("button", { name: "Skip this step" }).click();
  await expect(page).toHaveURL(new RegExp(`/setup/compliance$`));
  await expect(step(page, "Integration")).toContainText("Skipped");

  // Compliance: brand and campaign through the Compliance page's own forms.
  const brandForm = page.getByRole("form", { name: "Register a brand" });
  await brandForm.getByLabel("Company name").fill("Revisit Co");
  await brandForm.getByLabel("Brand description").fill("Sends order updates");
  await brandForm.getByRole("button", { name: "Submit brand" }).click();
  await expect(page.getByText("Brand Revisit Co submitted for vetting")).toBeVisible();
  const campaignForm = page.getByRole("form", { name: "Register a campaign" });
  await campaignForm.getByLabel("Campaign use case").selectOption("ACCOUNT_NOTIFICATION");
  await campaignForm.getByLabel("Campaign description").fill("Order notifications for the customers of Revisit Co, sent on events.");
  await campaignForm.getByLabel("Message flow").fill("Customers opt in at checkout on revisit.example by ticking the SMS box.");
  await campaignForm.getByLabel("Message samples").fill("Your order 1234 has shipped today.\nYour order 1234 was delivered today.");
  await campaignForm.getByRole("button", { name: "Submit campaign" }).click();
  await expect(page.getByText("Campaign submitted for vetting")).toBeVisible();
  await expect(step(page, "Compliance")).toContainText("In review");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(new RegExp(`/setup/test$`));

  // Back to the skipped integration step with the keyboard: the stepper's links are plain links.
  await step(page, "Integration").focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/services/${sid}/setup/integration$`));
  await expect(step(page, "Integration")).toHaveAttribute("aria-current", "step");
  await page.getByLabel("Incoming messages").selectOption("conversation");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Settings saved")).toBeVisible();
  await expect(step(page, "Integration")).toContainText("Done");

  // Step 1 again: the service is renamed with the Properties form.
  await step(page, "Name and use case").click();
  await page.getByLabel("Friendly name").fill("Revisited twice");
  await page.getByRole("button", { name: "Save" }).click();
  // The integration step's toast may still be up: this save's is the newest.
  await expect(page.getByText("Settings saved").last()).toBeVisible();
  await expect(page.getByRole("heading", { name: "Revisited twice", level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: "Back" })).toHaveCount(0); // the first step has no Back
  await page.getByRole("link", { name: "Continue" }).click();
  await expect(page).toHaveURL(new RegExp(`/setup/senders$`));
  await page.getByRole("link", { name: "Back" }).click();
  await expect(page).toHaveURL(new RegExp(`/setup/details$`));

  // The states are stored: a reload and the service's own tab show the same.
  await page.getByRole("navigation", { name: "Service sections" }).getByRole("link", { name: "Guided setup" }).click();
  await expect(page).toHaveURL(new RegExp(`/setup/test$`)); // nothing left to do: straight to the test send
  await page.reload();
  for (const [label, state] of [
    ["Name and use case", "Done"],
    ["Senders", "Done"],
    ["Integration", "Done"],
    ["Compliance", "In review"],
  ] as const) {
    await expect(step(page, label)).toContainText(state);
  }
});

test("skip everything; another account cannot open the flow", async ({ signedIn: page, browser }, info) => {
  test.setTimeout(240_000);
  await page.goto("/services/new");
  const sid = await createThroughFlow(page, "Skipper");
  await page.getByRole("button", { name: "Skip this step" }).click();
  await expect(page).toHaveURL(new RegExp(`/setup/integration$`));
  await page.getByRole("button", { name: "Skip this step" }).click();
  await expect(page).toHaveURL(new RegExp(`/setup/compliance$`));
  // No US long code: nothing to register, and the page says why.
  await expect(page.getByRole("heading", { name: "A2P 10DLC registration is not needed" })).toBeVisible();
  await expect(page.getByText("the pool has no US long code")).toBeVisible();
  await expect(step(page, "Compliance")).toContainText("Not needed");
  await checkWidths(page, info, "step4-not-needed");
  await page.getByRole("button", { name: "Skip this step" }).click();
  await expect(page).toHaveURL(new RegExp(`/setup/test$`));
  await expect(page.getByRole("note").filter({ hasText: "no sender yet" })).toBeVisible();
  await expect(step(page, "Senders")).toContainText("Skipped");
  await expect(step(page, "Integration")).toContainText("Skipped");
  // "Continue setup" with everything skipped goes to the test send.
  await page.goto(`/services/${sid}/setup`);
  await expect(page).toHaveURL(new RegExp(`/setup/test$`));
  expect((await page.goto(`/services/${sid}/setup/billing`))?.status()).toBe(404);

  const other = await createTestAccount();
  const context = await browser.newContext();
  const intruder = await context.newPage();
  await signInViaApi(intruder.request, other);
  for (const path of ["/setup", "/setup/senders", "/setup/compliance", "/setup/test"]) {
    expect((await intruder.goto(`/services/${sid}${path}`))?.status(), path).toBe(404);
  }
  // Through the real server action: the intruder skips a step of their own service with the victim's SID.
  await intruder.goto("/services/new");
  await createThroughFlow(intruder, "Intruder");
  await intruder.locator('form[aria-label="Step navigation"] input[name="serviceSid"]').evaluate((el, v) => ((el as HTMLInputElement).value = v), sid);
  await intruder.getByRole("button", { name: "Skip this step" }).click();
  await expect(intruder.getByText(`The requested resource /Services/${sid} was not found`)).toBeVisible();
  await context.close();
});

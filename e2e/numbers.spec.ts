import { test, expect } from "./fixtures/test";
import { uniqueDigits } from "./fixtures/inventory";

// Numbers are global (one owner): this spec keeps to area code 303 and its own GB number.
test("buy from the inventory, add by E.164, configure the webhook, release", async ({ signedIn: page }) => {
  test.setTimeout(180_000);
  await page.goto("/numbers");
  await expect(page.getByRole("heading", { name: "Phone Numbers", level: 1 })).toBeVisible();
  await expect(page.getByText("No phone numbers yet")).toBeVisible();

  // Search the simulated inventory by country, type, area code
  await page.getByLabel("Country", { exact: true }).selectOption("US");
  await page.getByLabel("Type", { exact: true }).selectOption("local");
  await page.getByLabel("Area code").fill("303");
  await page.getByRole("button", { name: "Search" }).click();
  const available = page.getByRole("table", { name: "Available numbers" });
  await expect(available.getByRole("row", { name: /\+13035550100/ })).toBeVisible();
  await page.getByRole("button", { name: "Buy +13035550100" }).click();
  await expect(page.getByText("Bought +13035550100")).toBeVisible();
  const mine = page.getByRole("table", { name: "Phone numbers" });
  await expect(mine.getByRole("row", { name: /\+13035550100/ })).toContainText("SMS, MMS, Voice");
  // Bought numbers leave the inventory
  await expect(available.getByRole("row", { name: /\+13035550100/ })).toHaveCount(0);
  await expect(available.getByRole("row", { name: /\+13035550101/ })).toBeVisible();

  // Another country's inventory
  await page.getByLabel("Country", { exact: true }).selectOption("GB");
  await page.getByLabel("Type", { exact: true }).selectOption("toll_free");
  await page.getByLabel("Area code").fill("");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(available.getByRole("row").nth(1)).toContainText("+44808157");

  // Enter an E.164 number directly: bad input shows the field error
  const entered = `+447400${uniqueDigits(6)}`;
  await page.getByLabel("Phone number (E.164)").fill("4155550100");
  await page.getByRole("button", { name: "Add number" }).click();
  await expect(page.getByText("Enter the number in E.164 format, e.g. +14155550100").first()).toBeVisible();
  await expect(page.getByLabel("Phone number (E.164)")).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("Phone number (E.164)").fill(entered);
  await page.getByRole("button", { name: "Add number" }).click();
  await expect(page.getByText(`Bought ${entered}`)).toBeVisible();
  await expect(mine.getByRole("row", { name: new RegExp(`\\${entered}`) })).toContainText("GB");
  await expect(mine.getByRole("row", { name: new RegExp(`\\${entered}`) })).toContainText("Mobile");
  // The same number again: refused
  await page.getByLabel("Phone number (E.164)").fill(entered);
  await page.getByRole("button", { name: "Add number" }).click();
  await expect(page.getByText(`${entered} is not available`).first()).toBeVisible();

  // Configure a number's own inbound webhook; bad URL refused, good one kept
  await page.getByRole("link", { name: "Configure +13035550100" }).click();
  const cfg = page.getByRole("form", { name: "Configure +13035550100" });
  await cfg.getByLabel("SMS webhook URL").fill("not a url");
  await cfg.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Enter an absolute http(s) URL")).toBeVisible();
  await cfg.getByLabel("SMS webhook URL").fill("https://example.com/sms-in");
  await cfg.getByLabel("SMS webhook method").selectOption("GET");
  await cfg.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Saved +13035550100")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("SMS webhook URL")).toHaveValue("https://example.com/sms-in");
  await expect(page.getByLabel("SMS webhook method")).toHaveValue("GET");
  await expect(mine.getByRole("row", { name: /\+13035550100/ })).toContainText("GET https://example.com/sms-in");

  // Release with confirmation (cancel first)
  await page.getByRole("button", { name: "Release number" }).click();
  const dialog = page.getByRole("dialog", { name: "Release +13035550100?" });
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole("button", { name: "Release number" }).click();
  await dialog.getByRole("button", { name: "Release", exact: true }).click();
  await expect(page.getByText("Number released")).toBeVisible();
  await expect(page).toHaveURL(/\/numbers$/);
  await expect(mine.getByRole("row", { name: /\+13035550100/ })).toHaveCount(0);
  await page.reload();
  await expect(mine.getByRole("row", { name: /\+13035550100/ })).toHaveCount(0);
});

test("short codes: add with validation, list, delete", async ({ signedIn: page }) => {
  await page.goto("/numbers");
  const code = `7${uniqueDigits(5)}`;
  await page.getByLabel("Short code", { exact: true }).fill("123");
  await page.getByRole("button", { name: "Add short code" }).click();
  await expect(page.getByText("A short code is 5 or 6 digits").first()).toBeVisible();
  await page.getByLabel("Short code", { exact: true }).fill(code);
  await page.getByLabel("Short code country").selectOption("CA");
  await page.getByRole("switch", { name: "Short code MMS" }).check();
  await page.getByRole("button", { name: "Add short code" }).click();
  await expect(page.getByText(`Added short code ${code}`)).toBeVisible();
  const row = page.getByRole("table", { name: "Short codes" }).getByRole("row", { name: new RegExp(code) });
  await expect(row).toContainText("CA");
  await expect(row).toContainText("SMS, MMS");
  await page.reload();
  await expect(row).toBeVisible();
  await row.getByRole("button", { name: "Delete" }).click();
  await page.getByRole("dialog", { name: `Delete short code ${code}?` }).getByRole("button", { name: "Delete short code" }).click();
  await expect(page.getByText("Short code deleted")).toBeVisible();
  await expect(page.getByText("No short codes yet")).toBeVisible();
});

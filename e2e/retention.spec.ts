import { test, expect } from "./fixtures/test";

test("message retention: saved on the Settings page with field errors and a toast, kept across reloads, emptied back to forever", async ({ signedIn: page }) => {
  await page.goto("/settings");
  const form = page.getByRole("form", { name: "Message retention" });
  const days = form.getByLabel("Keep message logs for (days)");
  await expect(days).toHaveValue("");

  await days.fill("0");
  await form.getByRole("button", { name: "Save retention" }).click();
  await expect(form.getByRole("alert")).toHaveText(/between 1 and 3650 days/);
  await expect(days).toHaveAttribute("aria-invalid", "true");

  await days.fill("30");
  await form.getByRole("button", { name: "Save retention" }).click();
  await expect(page.getByText("Messages are kept 30 days")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("form", { name: "Message retention" }).getByLabel("Keep message logs for (days)")).toHaveValue("30");

  await page.getByRole("form", { name: "Message retention" }).getByLabel("Keep message logs for (days)").fill("");
  await page.getByRole("form", { name: "Message retention" }).getByRole("button", { name: "Save retention" }).click();
  await expect(page.getByText("Messages are kept forever")).toBeVisible();
});

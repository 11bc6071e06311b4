import { test, expect } from "./fixtures/test";

test("sign in through the form, see the console, sign out", async ({ page, account }) => {
  await page.goto("/services");
  await expect(page).toHaveURL(/\/login/);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill("wrong-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Wrong email or password.")).toBeVisible();

  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Messaging Services" })).toBeVisible();
  await expect(page.getByText(account.accountSid)).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).first().click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/services");
  await expect(page).toHaveURL(/\/login/);
});

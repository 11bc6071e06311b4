import { test, expect } from "./fixtures/test";

/** Issue 18 item 7: the settings page does not ship the auth token in its HTML; it is revealed on request. */
test("the auth token is not in the settings page's HTML, and Show fetches it", async ({ signedIn: page, account }) => {
  const res = await page.goto("/settings");
  expect(await res?.text()).not.toContain(account.authToken);
  await page.getByRole("button", { name: "Show auth token" }).click();
  await expect(page.getByLabel("auth token")).toHaveText(account.authToken);
  await page.getByRole("button", { name: "Hide auth token" }).click();
  await expect(page.getByLabel("auth token")).not.toHaveText(account.authToken);
});

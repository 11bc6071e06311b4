import { test, expect } from "./fixtures/test";
import { seedService } from "./fixtures/messages";
import { twilioClient } from "./fixtures/twilio-client";

// Vetting takes A2P_VETTING_DELAY_MS on the server (default 30 s; docs/api.md "A2P 10DLC").
test.setTimeout(120_000);

test("Compliance: A2P registration flow, brand then campaign then status, PENDING to VERIFIED, seen by the API too", async ({ signedIn: page, account }) => {
  const service = await seedService(account.accountSid, "Alerts");
  await page.goto(`/services/${service}/compliance`);
  await expect(page.getByText("No brand registered yet")).toBeVisible();
  await expect(page.getByText("Register a brand first")).toBeVisible();

  const brandForm = page.getByRole("form", { name: "Register a brand" });
  await brandForm.getByLabel("Company name").fill("Acme Retail");
  await brandForm.getByLabel("Brand description").fill("Online shop for home goods");
  await brandForm.getByRole("button", { name: "Submit brand" }).click();
  await expect(page.getByText("Brand Acme Retail submitted for vetting")).toBeVisible();
  await expect(page.getByRole("list", { name: "Brands" }).getByRole("listitem")).toContainText("Acme Retail");

  const campaignForm = page.getByRole("form", { name: "Register a campaign" });
  await campaignForm.getByLabel("Campaign use case").selectOption("ACCOUNT_NOTIFICATION");
  await campaignForm.getByLabel("Campaign description").fill("Account notifications for customers of Acme Retail, sent on events.");
  await campaignForm.getByLabel("Message flow").fill("Customers opt in at sign-up on acme.example by ticking the SMS box.");
  // One sample is too few: a field error, nothing registered.
  await campaignForm.getByLabel("Message samples").fill("Your password was changed at 10:02.");
  await campaignForm.getByRole("button", { name: "Submit campaign" }).click();
  await expect(campaignForm.getByText("Give 2 to 5 message samples")).toBeVisible();

  // What was typed survives the field error.
  await expect(campaignForm.getByLabel("Campaign use case")).toHaveValue("ACCOUNT_NOTIFICATION");
  await expect(campaignForm.getByLabel("Campaign description")).toHaveValue("Account notifications for customers of Acme Retail, sent on events.");
  await campaignForm.getByLabel("Message samples").fill("Your password was changed at 10:02.\nYour statement for November is ready.");
  await campaignForm.getByRole("button", { name: "Submit campaign" }).click();
  await expect(page.getByText("Campaign submitted for vetting")).toBeVisible();
  const status = page.getByRole("region", { name: "3. Status" });
  await expect(status.getByText(/Campaign status:/)).toBeVisible();

  // The page refreshes itself while vetting runs.
  await expect(status.getByText("VERIFIED")).toBeVisible({ timeout: 90_000 });
  const [campaign] = await twilioClient(account.accountSid, account.authToken).messaging.v1.services(service).usAppToPerson.list();
  expect(campaign).toMatchObject({ campaignStatus: "VERIFIED", usAppToPersonUsecase: "ACCOUNT_NOTIFICATION" });
  await expect(status).toContainText(String(campaign?.campaignId));
});

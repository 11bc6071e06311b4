/**
 * The A2P 10DLC vetting simulator (docs/api.md "A2P 10DLC"). Pure: the clock
 * and the delay are passed in. The rule:
 * - a brand or campaign is PENDING until `delayMs` after it was (re)submitted;
 * - then it FAILED if its description contains "FAIL" (upper case, anywhere),
 *   otherwise it is approved (a brand APPROVED, a campaign VERIFIED);
 * - a campaign is never VERIFIED before its brand is APPROVED: with a
 *   PENDING brand it stays PENDING, with a FAILED brand it FAILED too;
 * - a campaign registered elsewhere (PreregisteredUsa2p) is VERIFIED at once.
 */
export type BrandStatus = "PENDING" | "APPROVED" | "FAILED";
export type CampaignStatus = "PENDING" | "VERIFIED" | "FAILED";

/** How long vetting takes by default: long enough to see PENDING in the console, short enough for a demo. */
export const DEFAULT_VETTING_DELAY_MS = 30_000;

export const FAIL_MARKER = "FAIL";

export interface Submission {
  description: string;
  submittedAt: Date;
}

export function brandStatus(brand: Submission, now: Date, delayMs: number): BrandStatus {
  if (now.getTime() - brand.submittedAt.getTime() < delayMs) return "PENDING";
  return brand.description.includes(FAIL_MARKER) ? "FAILED" : "APPROVED";
}

export function campaignStatus(campaign: Submission & { externallyRegistered: boolean }, brand: Submission | null, now: Date, delayMs: number): CampaignStatus {
  if (campaign.externallyRegistered) return "VERIFIED";
  const b = brand ? brandStatus(brand, now, delayMs) : "FAILED";
  if (b === "FAILED") return "FAILED";
  if (b === "PENDING" || now.getTime() - campaign.submittedAt.getTime() < delayMs) return "PENDING";
  return campaign.description.includes(FAIL_MARKER) ? "FAILED" : "VERIFIED";
}

/** Why a FAILED registration failed, for the resource's `errors` and the console. */
export function vettingErrors(status: BrandStatus | CampaignStatus, what: "brand" | "campaign"): { code: number; description: string }[] {
  if (status !== "FAILED") return [];
  return [{ code: what === "brand" ? 30794 : 30896, description: `The simulated vetting rejected this ${what}: its description contains "${FAIL_MARKER}".` }];
}

/** US A2P 10DLC use cases (v1 Compliance/Usa2p/Usecases), with whether carriers review them after approval. */
export const A2P_USECASES = [
  { code: "2FA", name: "Two-Factor authentication (2FA)", description: "Two-Factor authentication, one-time use password, password reset", post_approval_required: false },
  { code: "ACCOUNT_NOTIFICATION", name: "Account Notification", description: "All reminders, alerts, and notifications", post_approval_required: false },
  { code: "CUSTOMER_CARE", name: "Customer Care", description: "Account support, customer service", post_approval_required: false },
  { code: "DELIVERY_NOTIFICATION", name: "Delivery Notification", description: "Information about the status of the delivery of a product or service", post_approval_required: false },
  { code: "FRAUD_ALERT", name: "Fraud Alert Messaging", description: "Messaging about potential fraudulent activity", post_approval_required: false },
  { code: "HIGHER_EDUCATION", name: "Higher Education", description: "Messaging created on behalf of colleges, universities and school districts", post_approval_required: false },
  { code: "LOW_VOLUME", name: "Low Volume Mixed", description: "Low throughput, any combination of use cases", post_approval_required: false },
  { code: "MARKETING", name: "Marketing", description: "Any communication with marketing and/or promotional content", post_approval_required: false },
  { code: "MIXED", name: "Mixed", description: "Mixed messaging reserved for specific consumer service industry", post_approval_required: false },
  { code: "POLLING_VOTING", name: "Polling and voting", description: "Surveys and polling, not for political elections", post_approval_required: false },
  { code: "PUBLIC_SERVICE_ANNOUNCEMENT", name: "Public Service Announcement", description: "Informational messaging to raise awareness", post_approval_required: false },
  { code: "SECURITY_ALERT", name: "Security Alert", description: "A notification that the security of a system has been compromised", post_approval_required: false },
] as const;

export const A2P_USECASE_CODES: readonly string[] = A2P_USECASES.map((u) => u.code);

import { describeScope, resolveKeyword, type KeywordResolution } from "@/lib/core/opt-out/resolve-keyword";
import { db } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import { parseRecipient } from "@/lib/server/services/messages/parse-recipient";
import { getOptOutSettings } from "./opt-out-settings";

export interface KeywordPreview {
  from: string;
  country: string;
  body: string;
  match: KeywordResolution | null;
  optedOutBefore: boolean;
  optedOutAfter: boolean;
  /** Plain-language account of which scope applied and why. */
  explanation: string;
}

const CLASS_LABEL = { optOut: "opt-out", optIn: "opt-in", help: "help" } as const;

/**
 * What would happen if `from` texted `body` to this service, with its saved
 * configuration: the class matched, the reply, the opt-out state before and
 * after, and which override applied. Changes nothing.
 */
export async function previewKeyword(accountSid: string, serviceSid: string, input: { from: string; body: string }): Promise<KeywordPreview> {
  const { config } = await getOptOutSettings(accountSid, serviceSid);
  const sender = parseRecipient(input.from);
  if (!sender) throw new AppError(21211, `'${input.from.trim()}' is not a valid phone number.`, 400, "from");
  const match = resolveKeyword(input.body, config, { country: sender.isoCountry });
  const before = Boolean(await db.optOut.findUnique({ where: { serviceSid_recipient: { serviceSid, recipient: sender.address } }, select: { recipient: true } }));
  const after = match?.type === "STOP" ? true : match?.type === "START" ? false : before;
  let explanation: string;
  if (!match) {
    explanation = `"${input.body.trim()}" is not a keyword${config.advancedOptOut ? "" : " (Advanced Opt-Out is off: only the default keywords count)"}; the message goes to the webhook as usual, with no OptOutType.`;
  } else {
    const parts = [`${match.keyword} is a ${CLASS_LABEL[match.className]} keyword of ${describeScope(match.keywordScope)}`];
    if (match.language) parts.push(`the keyword is listed by the "${match.language}" language override, so that language applies`);
    parts.push(`${sender.phoneNumber} is a ${sender.isoCountry} number`);
    parts.push(`the reply comes from ${describeScope(match.replyScope)}`);
    explanation = parts.join("; ") + ".";
  }
  return { from: sender.address, country: sender.isoCountry, body: input.body, match, optedOutBefore: before, optedOutAfter: after, explanation };
}

import { z } from "zod";
import { deleteSimRule, listSimRules, setSimRule } from "@/lib/server/simulator/sim-rules";
import { parseParams, pick, readForm, readQuery } from "@/lib/server/api/params";
import { apiHandler, json, noContent } from "@/lib/server/api/respond";
import { formBool } from "@/lib/server/validation/fields";
import { simAccount } from "../_auth";

const RULE_PARAMS = { Prefix: "prefix", Outcome: "outcome", ErrorCode: "errorCode", NoShortCode: "noShortCode", NoMms: "noMms", RcsCapable: "rcsCapable", LatencyMs: "latencyMs" };
const intField = z.preprocess((v) => (typeof v === "string" && v.trim() !== "" ? Number(v) : v === "" ? undefined : v), z.number().int().min(0).optional());
const ruleSchema = z.object({
  prefix: z.string().default(""),
  outcome: z.enum(["delivered", "undelivered", "failed"]).default("delivered"),
  errorCode: intField,
  noShortCode: formBool.optional(),
  noMms: formBool.optional(),
  rcsCapable: formBool.optional(),
  latencyMs: z.preprocess((v) => (typeof v === "string" && v.trim() !== "" ? Number(v) : v), z.number().int().min(0).max(600_000).optional()),
});

const view = (r: Awaited<ReturnType<typeof setSimRule>>) => ({
  prefix: r.prefix,
  outcome: r.outcome,
  error_code: r.errorCode,
  no_short_code: r.noShortCode,
  no_mms: r.noMms,
  rcs_capable: r.rcsCapable,
  latency_ms: r.latencyMs,
});

/** GET /sim/Rules: the account's rules. */
export const GET = apiHandler(async (req) => json({ rules: (await listSimRules(await simAccount(req))).map(view) }));

/** POST /sim/Rules: upsert one rule by Prefix. */
export const POST = apiHandler(async (req) => {
  const accountSid = await simAccount(req);
  const input = parseParams(ruleSchema, pick(await readForm(req), RULE_PARAMS), RULE_PARAMS);
  return json(view(await setSimRule(accountSid, input)), 201);
});

/** DELETE /sim/Rules?Prefix=...: removes one rule. */
export const DELETE = apiHandler(async (req) => {
  const accountSid = await simAccount(req);
  const prefix = readQuery(req).Prefix;
  await deleteSimRule(accountSid, (Array.isArray(prefix) ? prefix[0] : prefix) ?? "");
  return noContent();
});

import { AppError } from "@/lib/server/errors";
import type { z } from "zod";
import type { ApiRequest } from "./api-request";
import { hasNul } from "./input-guards";

export type Params = Record<string, string | string[]>;

/** Form-encoded body (Twilio's wire format): repeated keys become arrays. */
export async function readForm(req: ApiRequest): Promise<Params> {
  const type = req.headers.get("content-type") ?? "";
  const text = await req.text();
  if (!text) return {};
  if (type.includes("application/json")) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new AppError(20001, "Invalid JSON body", 400);
    }
    return fromJson(parsed);
  }
  return collect(new URLSearchParams(text));
}

export function readQuery(req: Request): Params {
  return collect(new URL(req.url).searchParams);
}

/** NUL cannot be stored in Postgres text (docs/security.md "API input"): refuse it at the door, not as a 500. */
function clean(k: string, v: string): string {
  if (hasNul(k) || hasNul(v)) throw new AppError(20001, "Parameters may not contain NUL characters", 400);
  return v;
}

function collect(sp: URLSearchParams): Params {
  const out: Params = {};
  for (const [k, v] of sp) {
    clean(k, v);
    const prev = out[k];
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}

/**
 * A JSON body must be an object of strings (or lists of them), like the form
 * it stands for; numbers and booleans are read as their text, as in a form.
 */
function fromJson(parsed: unknown): Params {
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new AppError(20001, "The JSON body must be an object", 400);
  const scalar = (k: string, v: unknown): string => {
    if (typeof v === "string") return clean(k, v);
    if (typeof v === "number" || typeof v === "boolean") return String(v);
    throw new AppError(20001, `Invalid parameter ${k}: expected a string`, 400);
  };
  const out: Params = {};
  for (const [k, v] of Object.entries(parsed)) out[k] = Array.isArray(v) ? v.map((x) => scalar(k, x)) : scalar(k, v);
  return out;
}

/** Renames PascalCase wire params to the service layer's camelCase fields; unknown params are ignored (Twilio's 20001 is only a warning). */
export function pick(params: Params, mapping: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [wire, field] of Object.entries(mapping)) if (wire in params) out[field] = params[wire];
  return out;
}

/** zod parse with the failing field's Twilio code (default 20001) and the wire name in the message. */
export function parseParams<S extends z.ZodType>(
  schema: S,
  input: Record<string, unknown>,
  wireNames: Record<string, string>,
  codes: Partial<Record<string, number>> = {},
): z.infer<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const field = String(issue?.path[0] ?? "");
  const wire = Object.entries(wireNames).find(([, f]) => f === field)?.[0] ?? field;
  const missing = issue?.code === "invalid_type" && input[field] === undefined;
  throw new AppError(
    codes[field] ?? 20001,
    missing ? `Missing required parameter ${wire} in the post body` : `Invalid parameter ${wire}: ${issue?.message ?? "invalid"}`,
    400,
  );
}

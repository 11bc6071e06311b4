import { AppError } from "@/lib/server/errors";
import type { z } from "zod";
import type { ApiRequest } from "./api-request";

export type Params = Record<string, string | string[]>;

/** Form-encoded body (Twilio's wire format): repeated keys become arrays. */
export async function readForm(req: ApiRequest): Promise<Params> {
  const type = req.headers.get("content-type") ?? "";
  const text = await req.text();
  if (!text) return {};
  if (type.includes("application/json")) {
    try {
      return JSON.parse(text) as Params;
    } catch {
      throw new AppError(20001, "Invalid JSON body", 400);
    }
  }
  return collect(new URLSearchParams(text));
}

export function readQuery(req: Request): Params {
  return collect(new URL(req.url).searchParams);
}

function collect(sp: URLSearchParams): Params {
  const out: Params = {};
  for (const [k, v] of sp) {
    const prev = out[k];
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
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

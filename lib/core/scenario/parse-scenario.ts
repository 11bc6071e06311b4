import type { z } from "zod";
import { scenarioShape, STEP_KINDS, stepSchemas, type Scenario, type Step } from "./schema";

export type ParseScenarioResult = { ok: true; scenario: Scenario } | { ok: false; errors: string[] };

/** `["senders", 3, "type"]` → `senders[3].type`. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out === "" ? String(part) : `.${String(part)}`;
  }
  return out === "" ? "(root)" : out;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "invalid_value":
      return `expected one of ${issue.values.map((v) => String(v)).join(", ")}`;
    case "unrecognized_keys":
      return `unknown key${issue.keys.length > 1 ? "s" : ""} ${issue.keys.join(", ")}`;
    case "invalid_type":
      return `expected ${issue.expected}`;
    default:
      return issue.message;
  }
}

function issuesToMessages(error: z.ZodError, prefix: ReadonlyArray<PropertyKey> = []): string[] {
  return error.issues.map((issue) => {
    const path = [...prefix, ...issue.path];
    // Unknown keys are reported on their own path, not on the enclosing object.
    const keyPath = issue.code === "unrecognized_keys" && issue.keys.length === 1 ? [...path, issue.keys[0] ?? ""] : path;
    const text = issue.code === "unrecognized_keys" && issue.keys.length === 1 ? "unknown key" : describeIssue(issue);
    return `${formatPath(keyPath)}: ${text}`;
  });
}

function parseStep(raw: unknown, index: number, errors: string[]): Step | undefined {
  const at = ["steps", index];
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    errors.push(`${formatPath(at)}: expected an object with one of ${STEP_KINDS.join(", ")}`);
    return undefined;
  }
  const keys = Object.keys(raw);
  const kind = STEP_KINDS.find((k) => k === keys[0]);
  if (keys.length !== 1 || !kind) {
    errors.push(`${formatPath(at)}: expected exactly one of ${STEP_KINDS.join(", ")}`);
    return undefined;
  }
  const value = (raw as Record<string, unknown>)[kind];
  const parsed = stepSchemas[kind].safeParse(value);
  if (!parsed.success) {
    errors.push(...issuesToMessages(parsed.error, [...at, kind]));
    return undefined;
  }
  return { [kind]: parsed.data } as Step;
}

/**
 * Validates a scenario (already JSON-parsed): shape with zod, then the
 * references steps make (sender ids exist when removed, are new when added).
 * Every problem is reported with its path, e.g. `senders[3].type: expected one of ...`.
 */
export function parseScenario(raw: unknown): ParseScenarioResult {
  const shape = scenarioShape.safeParse(raw);
  if (!shape.success) return { ok: false, errors: issuesToMessages(shape.error) };
  const errors: string[] = [];
  const steps: Step[] = [];
  shape.data.steps.forEach((s, i) => {
    const step = parseStep(s, i, errors);
    if (step) steps.push(step);
  });

  const ids = new Set<string>();
  shape.data.senders.forEach((s, i) => {
    if (ids.has(s.id)) errors.push(`senders[${i}].id: duplicate sender id ${s.id}`);
    ids.add(s.id);
  });
  if (errors.length === 0) {
    steps.forEach((step, i) => {
      if ("removeSender" in step) {
        if (!ids.delete(step.removeSender)) errors.push(`steps[${i}].removeSender: no sender ${step.removeSender} in the pool at this step`);
      } else if ("addSender" in step) {
        if (ids.has(step.addSender.id)) errors.push(`steps[${i}].addSender.id: sender ${step.addSender.id} is already in the pool`);
        ids.add(step.addSender.id);
      }
    });
  }
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    scenario: {
      service: shape.data.service ?? {},
      senders: shape.data.senders,
      carriers: shape.data.carriers ?? {},
      steps,
    },
  };
}

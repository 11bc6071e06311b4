import { planMessage } from "../plan-message";
import { RoutingPool } from "../route/pool";
import { addSenderWithRemap, applyStickyChanges, removeSenderWithMappings } from "../route/pool-changes";
import { InMemoryStickyStore } from "../route/sticky-store";
import { DEFAULT_SERVICE_SETTINGS, type CarrierInfo, type ServiceSettings } from "../route/types";
import type { Scenario } from "./schema";

/** One output line per `send` step (routing-scenarios.md, "Output"). */
export interface ScenarioOutputLine {
  step: number;
  senderId: string | null;
  from: string | null;
  error: number | null;
  channel: string;
  encoding: string;
  segments: number;
  body: string;
  converted: boolean;
  trace: string[];
}

function carrierFor(scenario: Scenario, e164: string): CarrierInfo {
  const has = (prefixes: readonly string[] | undefined) => (prefixes ?? []).some((p) => e164.startsWith(p));
  return {
    shortCodes: !has(scenario.carriers.noShortCode),
    mms: !has(scenario.carriers.noMms),
    rcs: has(scenario.carriers.rcsCapable),
  };
}

function e164Of(to: string): string {
  const i = to.indexOf(":");
  return (i >= 0 ? to.slice(i + 1) : to).trim();
}

/**
 * Runs a validated scenario through the real routing core. State (pool,
 * sticky mappings, load counters, round robin cursors, media link numbers)
 * lives for the whole run. Messages complete instantly, so nothing stays in
 * flight between steps; ties are broken by fewest mappings, then round robin.
 */
export function runScenario(scenario: Scenario): ScenarioOutputLine[] {
  let settings: ServiceSettings = { ...DEFAULT_SERVICE_SETTINGS, ...scenario.service };
  const pool = new RoutingPool(scenario.senders);
  const sticky = new InMemoryStickyStore();
  let links = 0;
  const makeMediaLink = () => `https://swy.link/m/${++links}`;
  const out: ScenarioOutputLine[] = [];

  scenario.steps.forEach((step, index) => {
    if ("setService" in step) {
      settings = { ...settings, ...step.setService };
    } else if ("removeSender" in step) {
      removeSenderWithMappings(pool, sticky, step.removeSender);
    } else if ("addSender" in step) {
      addSenderWithRemap(pool, sticky, step.addSender);
    } else {
      const send = step.send;
      const plan = planMessage(pool, send, {
        settings,
        carrier: carrierFor(scenario, e164Of(send.to)),
        sticky,
        makeMediaLink,
      });
      if (plan.decision) applyStickyChanges(pool, sticky, plan.decision);
      out.push({
        step: index,
        senderId: plan.senderId,
        from: plan.from,
        error: plan.error?.code ?? null,
        channel: plan.channel,
        encoding: plan.encoding,
        segments: plan.segments,
        body: plan.body,
        converted: plan.converted,
        trace: plan.trace,
      });
    }
  });
  return out;
}

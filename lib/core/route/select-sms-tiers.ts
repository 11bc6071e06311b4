import { twilioError } from "../errors";
import { alphaEligibility } from "./alpha-eligibility";
import type { Group, IndexedSender, NumberIndex } from "./pool";
import { withRcsFallback } from "./select-channel";
import { addPreRegistrationWarning, chosen, fail, pickFrom, planMedia, succeed, type Decision } from "./select-decision";
import { stickyLookup, stickyWriteFor } from "./select-sticky";
import type { SelectRequest, SelectResult } from "./types";

/** The SMS/MMS channel: sticky mapping, then the tiers RCS, short code, alpha, long code and toll-free. */
export function selectSms(d: Decision, req: SelectRequest): SelectResult {
  const { pool, to, ctx } = d;
  const country = to.country;

  // docs/product.md "Sticky Sender": the sticky mapping is looked up before the tiers (RCS included),
  // so a recipient mapped to an SMS sender stays on it while Sticky Sender is on.
  const media = planMedia(d, req.hasMedia);
  const mapped = stickyLookup(d, "sms", media.needMedia);
  if (mapped) return succeed(d, chosen(mapped), "sms", media.convert);

  // Tier 1, RCS: its own channel, which writes no sticky mapping.
  if (ctx.carrier.rcs) {
    const group = pool.rcsByCountry.get(country);
    const s = group ? pickFrom(d, group, group.all) : undefined;
    if (s) {
      d.trace.push(`tier rcs: ${s.id} (approved for ${country}, recipient RCS-capable)`);
      return withRcsFallback(d, s, req);
    }
    if (pool.rcsAll.all.length > 0) d.trace.push(`tier rcs: no RCS sender approved for ${country}`);
  }
  if (req.fallbackFrom !== undefined) d.trace.push("fallback: FallbackFrom ignored (not sent over RCS)");

  const s = smsTiers(d, media.needMedia);
  if (!s) {
    const what = media.needMedia ? "MMS-capable sender" : "sender";
    return fail(d, twilioError(21703, `${twilioError(21703).message} (no ${what} for ${country})`));
  }
  return succeed(d, chosen(s), "sms", media.convert, stickyWriteFor(d, "sms", s));
}

/** Tiers 2-4 of docs/product.md "Sender-type tiers" for the SMS/MMS channel. */
function smsTiers(d: Decision, needMedia: boolean): IndexedSender | undefined {
  const { pool, to, ctx } = d;
  const country = to.country;

  // Tier 2: short code of the recipient's country, if the carrier takes them.
  const shortCodes = pool.shortCodeByCountry.get(country);
  const hasShortCode = shortCodes !== undefined && shortCodes.all.length > 0;
  if (shortCodes && hasShortCode) {
    const candidates = shortCodes.pick(needMedia);
    if (!ctx.carrier.shortCodes) {
      d.trace.push("tier short_code: skipped, recipient's carrier does not take short codes (short code reroute)");
    } else if (candidates.length === 0) {
      d.trace.push(`tier short_code: no MMS-capable short code for ${country}`);
    } else {
      const s = pickFrom(d, shortCodes, candidates);
      if (s) {
        d.trace.push(`tier short_code: ${s.id} (${country}, carrier takes short codes)`);
        return s;
      }
    }
  }

  // Tier 3: alphanumeric sender ID, destination-specific before service-wide.
  const dest = pool.alphaByCountry.get(country);
  if (pool.alphaGlobal.all.length > 0 || (dest !== undefined && dest.all.length > 0)) {
    const alpha = alphaEligibility(country);
    if (!alpha.eligible) {
      d.trace.push(`tier alpha: ${country} does not support alphanumeric sender IDs`);
    } else if (hasShortCode) {
      d.trace.push(`tier alpha: skipped, the pool has a short code for ${country}`);
    } else {
      const destCandidates = dest?.pick(needMedia) ?? [];
      const useDest = dest !== undefined && destCandidates.length > 0;
      const group = useDest ? dest : pool.alphaGlobal;
      const s = pickFrom(d, group, useDest ? destCandidates : pool.alphaGlobal.pick(needMedia));
      if (s) {
        const why = useDest ? `destination-specific for ${country}` : "service-wide";
        d.trace.push(`tier alpha: ${s.id} (${why}; no fallback to long codes)`);
        if (alpha.preRegistration !== "none") addPreRegistrationWarning(d, alpha.preRegistration);
        return s;
      }
      d.trace.push("tier alpha: no MMS-capable alphanumeric sender");
    }
  }

  // Tier 4: long codes and toll-free; in Canada toll-free first.
  if (to.isCanada) {
    return (
      numberTier(d, pool.tollFree, "toll_free", needMedia, "toll-free first in Canada") ??
      numberTier(d, pool.longCodes, "long_code", needMedia, "")
    );
  }
  return numberTier(d, pool.numbers, "long_code/toll_free", needMedia, "");
}

/** Country Code Geomatch and Area Code Geomatch inside one tier (docs/product.md "Country Code Geomatch" and "Area Code Geomatch"). */
function numberTier(
  d: Decision,
  index: NumberIndex,
  label: string,
  needMedia: boolean,
  note: string,
): IndexedSender | undefined {
  const { to, ctx } = d;
  if (index.all.all.length === 0) return undefined;
  const levels: Array<[Group | undefined, () => string]> = [];
  if (ctx.settings.areaCodeGeomatch && (to.isUS || to.isCanada) && to.npa) {
    const npa = to.npa;
    levels.push([index.byNpa.get(npa), () => `area code ${npa}`]);
    levels.push([index.overlay(npa), () => `overlays area code ${npa}`]);
  }
  levels.push([index.byCountry.get(to.country), () => `${to.country} number`]);
  if (to.country !== "US") levels.push([index.byCountry.get("US"), () => `no ${to.country} number, US number`]);
  levels.push([index.all, () => `no ${to.country === "US" ? "US" : `${to.country} or US`} number, any number`]);

  for (const [group, why] of levels) {
    if (!group) continue;
    const candidates = group.pick(needMedia);
    const s = pickFrom(d, group, candidates);
    if (!s) continue;
    const details = [why(), needMedia ? "MMS-capable" : "", note].filter(Boolean).join(", ");
    d.trace.push(`tier ${label}: ${s.id} (${details})`);
    return s;
  }
  if (needMedia) d.trace.push(`tier ${label}: no MMS-capable sender`);
  return undefined;
}

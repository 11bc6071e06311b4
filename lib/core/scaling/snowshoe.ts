/**
 * Snowshoeing: the same content spread over many phone numbers of one
 * service (docs/scaling.md "Snowshoeing"). "Many" is SNOWSHOE_MIN_NUMBERS
 * distinct long code or toll-free numbers sending one identical body within
 * the last SNOWSHOE_WINDOW_MINUTES; each number's latest
 * SNOWSHOE_SAMPLE_PER_NUMBER messages in the window are read, which bounds
 * the query on a busy pool.
 */
export const SNOWSHOE_WINDOW_MINUTES = 60;
export const SNOWSHOE_MIN_NUMBERS = 3;
export const SNOWSHOE_SAMPLE_PER_NUMBER = 500;

/** One body (by hash) and the numbers that sent it in the window. */
export interface ContentSpread {
  bodyHash: string;
  /** The body, shortened for display. */
  sample: string;
  numbers: number;
  messages: number;
}

export interface SnowshoeFinding extends ContentSpread {
  message: string;
}

const shorten = (s: string) => (s.length > 60 ? `${s.slice(0, 57)}…` : s);

export function detectSnowshoeing(spreads: readonly ContentSpread[], minNumbers = SNOWSHOE_MIN_NUMBERS): SnowshoeFinding[] {
  return spreads
    .filter((s) => s.numbers >= minNumbers)
    .sort((a, b) => b.numbers - a.numbers || b.messages - a.messages)
    .map((s) => ({
      ...s,
      sample: shorten(s.sample),
      message: `Snowshoeing: ${s.numbers} phone numbers of this service sent the same content ("${shorten(s.sample)}", ${s.messages} messages) in the last ${SNOWSHOE_WINDOW_MINUTES} minutes. Carriers filter content spread over many long codes; move this traffic to a short code or a toll-free number.`,
    }));
}

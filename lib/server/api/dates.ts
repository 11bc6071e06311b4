/** v1 resources: ISO-8601 without milliseconds, e.g. 2015-07-30T20:12:31Z. */
export const isoDate = (d: Date | null | undefined) => (d ? d.toISOString().replace(/\.\d{3}Z$/, "Z") : null);

/** 2010 resources: RFC-2822, e.g. Thu, 30 Jul 2015 20:12:31 +0000. */
export const rfc2822 = (d: Date | null | undefined) => (d ? d.toUTCString().replace("GMT", "+0000") : null);

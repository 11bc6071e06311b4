/**
 * One CSV cell, quoted per RFC 4180 and neutralised against formula
 * injection as OWASP describes (docs/security.md "CSV exports"): text a
 * spreadsheet would evaluate (starting with =, +, -, @, tab or CR) gets a
 * leading single quote and is quoted, so it shows as text. A plain number
 * (an E.164 phone number like +14155551234, an error code) is left as it
 * is: it cannot call a function, and changing it would corrupt the column.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?$/;

export function csvCell(v: unknown): string {
  if (v === null || v === undefined) return "";
  let s = v instanceof Date ? v.toISOString() : String(v);
  if (FORMULA_START.test(s) && !PLAIN_NUMBER.test(s)) s = "'" + s;
  return /[",\r\n\t']/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

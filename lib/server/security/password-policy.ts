import { AppError } from "@/lib/server/errors";

/**
 * The password policy (docs/security.md "Passwords"), NIST SP 800-63B's
 * shape without a dependency: at least 10 characters (at most 256: scrypt
 * input stays bounded), not the email or its name part, not one of the
 * most-used passwords (and no single repeated character). Rules about
 * character classes are left out on purpose: they make passwords worse.
 */
export const MIN_LENGTH = 10;
export const MAX_LENGTH = 256;

// The most common passwords of 10+ characters in public breach corpora (shorter ones fail on length).
const COMMON = new Set([
  "1234567890", "0123456789", "12345678910", "123456789a", "1q2w3e4r5t", "1qaz2wsx3edc", "qwertyuiop",
  "1234qwer!@#$", "password123", "password1234", "password12", "password01", "passw0rd123", "p@ssw0rd123",
  "iloveyou123", "qwerty12345", "qwerty123456", "1234567890a", "abcd123456", "abc1234567", "a123456789",
  "qazwsxedcrfv", "asdfghjkl1", "zxcvbnm123", "football123", "baseball123", "welcome123", "welcome1234",
  "letmein1234", "sunshine123", "princess123", "administrator", "admin12345", "admin123456", "changeme123",
  "trustno1234", "superman123", "starwars123", "monkey12345", "dragon12345", "master12345", "michael123",
  "computer123", "1111111111", "0000000000", "123123123123", "1234512345", "9876543210", "qwertyqwerty",
  "passwordpassword", "switchyard", "switchyard1", "switchyard123", "twilio12345", "twilio123456",
]);

/** Why the password is refused, or null when it is acceptable. */
export function passwordProblem(password: string, email: string): string | null {
  const p = password.normalize("NFKC");
  if ([...p].length < MIN_LENGTH) return `Use at least ${MIN_LENGTH} characters.`;
  if ([...p].length > MAX_LENGTH) return `Use at most ${MAX_LENGTH} characters.`;
  const lower = p.toLowerCase();
  const mail = email.trim().toLowerCase();
  const local = mail.split("@", 1)[0] ?? "";
  if (lower === mail || (local.length >= 4 && lower.includes(local))) return "Do not use your email address in the password.";
  if (COMMON.has(lower)) return "This password is too common.";
  if (new Set(lower).size <= 2) return "Use more than two different characters.";
  return null;
}

export function assertPasswordPolicy(password: string, email: string): void {
  const problem = passwordProblem(password, email);
  if (problem) throw new AppError(20001, problem, 400, "password");
}

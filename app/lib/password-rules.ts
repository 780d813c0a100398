// The rules for new passwords, shared by the server's check and the forms' strength meter, so both give the same
// verdict on the same password (ASVS 2.1.1, 2.1.2, 2.1.7, 2.1.8). No server-only imports: the list of common passwords
// is handed in (app/lib/common-passwords.ts loads it lazily, on the server and in the browser alike).
export const PASSWORD_MIN = 12;
/** At least 64 characters allowed (ASVS 2.1.2), more than 128 refused; never truncated (2.1.3). */
export const PASSWORD_MAX = 128;

export type PasswordProblemCode = "too-short" | "too-long" | "common";

/** Characters as a person counts them (NFKC, code points: a Chinese character or an emoji is one). */
export function passwordLength(password: string): number {
  return [...password.normalize("NFKC")].length;
}

/**
 * Whether a password is a common one or a common one dressed up the usual ways: a listed password (any case) with digits
 * or symbols only before or after it (`dragon123456`, `!!password2024`), a listed one or up to three characters said again
 * and again (`qwertyqwerty`, `abcabcabcabc`), or a run along the digits or the keyboard (`1234567890123`, `qwertyuiopasdf`).
 */
export function isCommonPassword(password: string, list: ReadonlySet<string>): boolean {
  const p = password.normalize("NFKC").toLowerCase();
  if (list.has(p)) return true;
  const core = p.replace(/^[\d\W_]+|[\d\W_]+$/gu, "");
  if (core.length >= 4 && core !== p && list.has(core)) return true;
  const unit = /^(.+?)\1+$/u.exec(p)?.[1];
  if (unit !== undefined && ([...unit].length < 4 || list.has(unit))) return true;
  return isRun(p);
}

const LINES = ["01234567890", "qwertyuiopasdfghjklzxcvbnm", "abcdefghijklmnopqrstuvwxyz"];
const NEIGHBOURS = new Set(LINES.flatMap((line) => [...line].slice(1).flatMap((c, i) => [line[i] + c, c + line[i]])));
/** Every character next to the one before it along the digits, the keyboard's letter rows or the alphabet. */
function isRun(p: string): boolean {
  const chars = [...p];
  return chars.slice(1).every((c, i) => NEIGHBOURS.has(chars[i] + c));
}

/** Why a new password is refused, or null. No composition rules (ASVS 2.1.9): the length and the common list only. */
export function passwordProblemCode(password: string, list: ReadonlySet<string>): PasswordProblemCode | null {
  const length = passwordLength(password);
  if (length < PASSWORD_MIN) return "too-short";
  if (length > PASSWORD_MAX) return "too-long";
  return isCommonPassword(password, list) ? "common" : null;
}

/** The meter's levels: 0 refused (the server would say no), then accepted and fair, good, strong. */
export const STRENGTH_LEVELS = ["refused", "fair", "good", "strong"] as const;
export type StrengthLevel = (typeof STRENGTH_LEVELS)[number];

/**
 * How strong a new password is, for the meter (ASVS 2.1.8). The verdict is the server's (`problem` is exactly what
 * `passwordProblem` answers); among accepted passwords the level grows with the characters that add something: a
 * character repeated from the one before it, or next to it on the keyboard or in the alphabet, does not count
 * ("aaaaaaaaaaaab" is 13 characters but 2 that count). Fair below 16 that count, good below 20, strong from 20.
 */
export function passwordStrength(
  password: string,
  list: ReadonlySet<string>,
): { problem: PasswordProblemCode | null; level: StrengthLevel } {
  const problem = passwordProblemCode(password, list);
  if (problem) return { problem, level: "refused" };
  const chars = [...password.normalize("NFKC").toLowerCase()];
  const counted = chars.filter((c, i) => i === 0 || (c !== chars[i - 1] && !NEIGHBOURS.has(chars[i - 1] + c))).length;
  return { problem: null, level: counted >= 20 ? "strong" : counted >= 16 ? "good" : "fair" };
}

// Passwords, hashed with scrypt (memory-hard; node:crypto, no dependency). ASVS V2.1 and V2.4.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";
import { dictionary } from "@zxcvbn-ts/language-common";
import { PASSWORD_MAX, PASSWORD_MIN } from "~/lib/password-rules";

/** N = 2^15, r = 8: 32 MiB and about 50–100 ms per hash here; stored with the hash, so they can be raised later. */
const PARAMS = { N: 2 ** 15, r: 8, p: 1 } as const;
const KEY_BYTES = 32;

export { PASSWORD_MAX, PASSWORD_MIN };

/**
 * The passwords people pick most, offline (ASVS 2.1.7): the 49,233 of zxcvbn's bundled list, gathered from published
 * breach corpora (all lower case), plus a few of ours. Loaded once, on the first new password checked.
 */
const OURS = ["tierwise1234", "tierwisetierwise", "administrator", "changeme1234", "woaini1314520", "woaini5201314", "1314520woaini"];
let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  common ??= new Set([...dictionary["passwords-common"], ...OURS]);
  return common;
}

/**
 * Whether a password is a common one or a common one dressed up the usual ways: a listed password (any case) with digits
 * or symbols only before or after it (`dragon123456`, `!!password2024`), a listed one or up to three characters said again
 * and again (`qwertyqwerty`, `abcabcabcabc`), or a run along the digits or the keyboard (`1234567890123`, `qwertyuiopasdf`).
 */
export function isCommonPassword(password: string): boolean {
  const list = commonPasswords();
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

function scryptAsync(password: string, salt: Buffer, keylen: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize("NFKC"), salt, keylen, options, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

const maxmem = (N: number, r: number) => 256 * N * r;

export type PasswordProblem = { code: "too-short" | "too-long" | "common"; message: string };

/**
 * Why a new password is refused, or null. No composition rules (ASVS 2.1.9): length and the common list. The code
 * picks the page's message (`auth.password.<code>`); the message is the command line's.
 */
export function passwordProblem(password: string): PasswordProblem | null {
  const length = [...password.normalize("NFKC")].length;
  if (length < PASSWORD_MIN) return { code: "too-short", message: `must be at least ${PASSWORD_MIN} characters` };
  if (length > PASSWORD_MAX) return { code: "too-long", message: `must be at most ${PASSWORD_MAX} characters` };
  if (isCommonPassword(password))
    return { code: "common", message: "is one of the most common passwords, or one made from them: choose another" };
  return null;
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, KEY_BYTES, { ...PARAMS, maxmem: maxmem(PARAMS.N, PARAMS.r) });
  return `scrypt$${PARAMS.N}$${PARAMS.r}$${PARAMS.p}$${salt.toString("base64")}$${key.toString("base64")}`;
}

/** A hash of nothing anyone knows: checking a password against it takes as long as a real check (no user enumeration). */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(randomBytes(24).toString("base64"));
  return decoy;
}

export async function verifyPassword(password: string, stored: string | null | undefined): Promise<boolean> {
  const hash = stored ?? (await decoyHash());
  const [scheme, n, r, p, salt, key] = hash.split("$");
  if (scheme !== "scrypt" || !salt || !key) return false;
  const expected = Buffer.from(key, "base64");
  const N = Number(n);
  const R = Number(r);
  const actual = await scryptAsync(password.slice(0, PASSWORD_MAX * 4), Buffer.from(salt, "base64"), expected.length, {
    N,
    r: R,
    p: Number(p),
    maxmem: maxmem(N, R),
  });
  return timingSafeEqual(actual, expected) && stored !== null && stored !== undefined;
}

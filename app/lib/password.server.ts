// Passwords, hashed with scrypt (memory-hard; node:crypto, no dependency). ASVS V2.1 and V2.4.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";
import { loadCommonPasswords } from "~/lib/common-passwords";
import {
  PASSWORD_MAX,
  PASSWORD_MIN,
  isCommonPassword as isListed,
  passwordProblemCode,
  type PasswordProblemCode,
} from "~/lib/password-rules";

/** N = 2^15, r = 8: 32 MiB and about 50–100 ms per hash here; stored with the hash, so they can be raised later. */
const PARAMS = { N: 2 ** 15, r: 8, p: 1 } as const;
const KEY_BYTES = 32;

export { PASSWORD_MAX, PASSWORD_MIN };

/** Whether a password is a common one or made from one (the rules in password-rules.ts; the list loads on the first call). */
export async function isCommonPassword(password: string): Promise<boolean> {
  return isListed(password, await loadCommonPasswords());
}

function scryptAsync(password: string, salt: Buffer, keylen: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize("NFKC"), salt, keylen, options, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

const maxmem = (N: number, r: number) => 256 * N * r;

export type PasswordProblem = { code: PasswordProblemCode; message: string };

const MESSAGES: Record<PasswordProblemCode, string> = {
  "too-short": `must be at least ${PASSWORD_MIN} characters`,
  "too-long": `must be at most ${PASSWORD_MAX} characters`,
  common: "is one of the most common passwords, or one made from them: choose another",
};

/**
 * Why a new password is refused, or null. No composition rules (ASVS 2.1.9): length and the common list, the same
 * rules the forms' strength meter applies. The code picks the page's message (`auth.password.<code>`); the message is
 * the command line's.
 */
export async function passwordProblem(password: string): Promise<PasswordProblem | null> {
  const code = passwordProblemCode(password, await loadCommonPasswords());
  return code ? { code, message: MESSAGES[code] } : null;
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

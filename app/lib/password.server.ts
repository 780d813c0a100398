// Passwords, hashed with scrypt (memory-hard; node:crypto, no dependency). ASVS V2.1 and V2.4.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";

/** N = 2^15, r = 8: 32 MiB and about 50–100 ms per hash here; stored with the hash, so they can be raised later. */
const PARAMS = { N: 2 ** 15, r: 8, p: 1 } as const;
const KEY_BYTES = 32;

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 256;

/**
 * A few of the passwords people pick most that are long enough to pass the length rule (from the published
 * breached-password top lists); the length rule already rules out the rest of those lists.
 */
const COMMON = new Set([
  "123456789012",
  "1234567890123",
  "12345678901234",
  "123456789123",
  "qwertyuiopas",
  "qwertyuiop123",
  "password1234",
  "password12345",
  "passwordpassword",
  "111111111111",
  "000000000000",
  "abcdefghijkl",
  "iloveyou1234",
  "1q2w3e4r5t6y",
  "qwerty123456",
  "123qweasdzxc",
  "aaaaaaaaaaaa",
  "letmein12345",
  "welcome12345",
  "administrator",
  "changeme1234",
  "tierwise1234",
  "tierwisetierwise",
]);

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
  if (COMMON.has(password.toLowerCase()) || /^(.)\1+$/.test(password))
    return { code: "common", message: "is one of the most common passwords: choose another" };
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

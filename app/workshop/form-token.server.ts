import { randomBytes } from "node:crypto";

/** 16 random bytes: a form's one-time token (not a secret; it only has to be unique). */
export function newFormToken(): string {
  return randomBytes(16).toString("base64url");
}

/** A token as the form sends it back, or null for anything else (an old form, a script: created without the check). */
export function readFormToken(raw: FormDataEntryValue | null): string | null {
  return typeof raw === "string" && /^[A-Za-z0-9_-]{22}$/.test(raw) ? raw : null;
}

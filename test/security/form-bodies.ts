// How the fuzz tests post a form's fields: the two form encodings a browser sends, and the two a form action must
// refuse (415 or 400, never a 5xx).
import fc from "fast-check";

export const formType = fc.constantFrom("application/x-www-form-urlencoded", "multipart/form-data", "text/plain", "application/json");

export function encode(pairs: [string, string][], type: string): { body: string | FormData; headers: Record<string, string> } {
  if (type === "multipart/form-data") {
    const fd = new FormData();
    for (const [k, v] of pairs) fd.append(k, v);
    return { body: fd, headers: {} };
  }
  if (type === "application/json") return { body: JSON.stringify(Object.fromEntries(pairs)), headers: { "content-type": type } };
  return { body: new URLSearchParams(pairs).toString(), headers: { "content-type": type } };
}

/** Values hostile to any text field (empty, control and bidi characters, markup, paths, prototype keys, very long). */
export const HOSTILE_TEXT = [
  "",
  " ",
  "\u0000",
  "\u202eevil",
  "💥".repeat(40),
  "<img src=x onerror=alert(1)>",
  "../../etc/passwd",
  "__proto__",
  "constructor",
  "NaN",
  "-1",
  "a".repeat(3000),
];

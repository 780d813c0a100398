// Where the app may send a browser after an action (the language switch, signing in): a path on this site, never
// another site. ASVS V5.1.5.

const BASE = "http://tierwise.invalid";

/**
 * `to` as a same-origin path (with its query and fragment), or `fallback`. Refused: anything not starting with one
 * "/", "//host" and "/\host" (browsers read both as another host), and any control or whitespace character (browsers
 * drop tabs and newlines, which turns "/\t/host" into "//host"), and a path that resolves to "//host" through
 * dot-segments.
 */
export function safeRedirectPath(to: string | null | undefined, fallback = "/"): string {
  if (typeof to !== "string" || to.length === 0 || to.length > 2048) return fallback;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0020\u007f-\u009f\u2028\u2029\\]/.test(to)) return fallback;
  if (!to.startsWith("/") || to.startsWith("//")) return fallback;
  let url: URL;
  try {
    url = new URL(to, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  // Dot-segments can make "//host" out of a path that did not start with it ("/.//host", "/..//host", "/%2e//host"):
  // what is returned is checked, not only what was given.
  if (url.pathname.startsWith("//")) return fallback;
  return url.pathname + url.search + url.hash;
}

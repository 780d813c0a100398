// The response headers every answer carries (OWASP ASVS V14.4). One place, applied by the app handler to pages, the
// API, PDFs and static files alike.

/**
 * The page policy. Scripts: our own files and the inline bootstrap Remix writes, which carries this response's nonce.
 * Styles: our own stylesheets; `style-src-attr 'unsafe-inline'` lets the few React `style={…}` attributes through
 * until the pages drop them (issue 11), and allows no <style> element. Images: our own and data: (the favicon, and
 * charts a reader saves). Nothing may frame a page (clickjacking), and forms post only here.
 */
export function pageContentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self'",
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** Anything that is not a page (JSON, PDF, Markdown, images) runs nothing and loads nothing. */
export const RESOURCE_CSP = "default-src 'none'; frame-ancestors 'none'; sandbox";

export interface HeaderOptions {
  /** The nonce of this response's inline scripts (pages only). */
  nonce?: string;
  /** Served over HTTPS (PUBLIC_URL is https): browsers are told to keep it so. */
  https: boolean;
}

/** Headers for one response, given its content type. `Content-Security-Policy` differs for pages and the rest. */
export function securityHeaders(contentType: string | null, { nonce, https }: HeaderOptions): Record<string, string> {
  const isPage = /^text\/html\b/i.test(contentType ?? "");
  return {
    "content-security-policy": isPage && nonce ? pageContentSecurityPolicy(nonce) : RESOURCE_CSP,
    "x-content-type-options": "nosniff",
    // For browsers that predate frame-ancestors.
    "x-frame-options": "DENY",
    // Same-origin requests keep their Referer (and a form post its Origin); share tokens in URLs never leave the site.
    "referrer-policy": "same-origin",
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    ...(https ? { "strict-transport-security": "max-age=31536000" } : {}),
  };
}

/** A copy of `response` with the security headers set (a header the route set itself wins, except the CSP). */
export function withSecurityHeaders(response: Response, options: HeaderOptions): Response {
  const headers = securityHeaders(response.headers.get("content-type"), options);
  let target = response;
  try {
    for (const [k, v] of Object.entries(headers)) if (k === "content-security-policy" || !target.headers.has(k)) target.headers.set(k, v);
  } catch {
    // Immutable headers (a Response from fetch): copy it once and set them on the copy.
    target = new Response(response.body, { status: response.status, statusText: response.statusText, headers: response.headers });
    for (const [k, v] of Object.entries(headers)) if (k === "content-security-policy" || !target.headers.has(k)) target.headers.set(k, v);
  }
  // Answers that depend on who asks must never be stored by a shared cache.
  if (!target.headers.has("cache-control")) target.headers.set("cache-control", "private, no-cache");
  return target;
}

import { LOCALES, type Locale } from "~/domain/scenario";
import { TIME_ZONE_COOKIE } from "~/i18n/time-zone";
import { validTimeZone } from "~/present/format";

export const LOCALE_COOKIE = "tw_lang";

const isLocale = (v: unknown): v is Locale => typeof v === "string" && (LOCALES as readonly string[]).includes(v);

function cookieLocale(header: string | null): Locale | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const [name, value] = part.trim().split("=");
    if (name === LOCALE_COOKIE && isLocale(value)) return value;
  }
  return null;
}

/** First zh or en in Accept-Language, honouring q-values; anything else means English. */
export function acceptLanguageLocale(header: string | null): Locale | null {
  if (!header) return null;
  const ranked = header
    .split(",")
    .map((part, i) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { tag: tag.toLowerCase(), q: q ? Number(q.slice(2)) || 0 : 1, i };
    })
    .filter((x) => x.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  for (const { tag } of ranked) {
    if (tag.startsWith("zh")) return "zh";
    if (tag.startsWith("en")) return "en";
  }
  return null;
}

/** ?lang= beats the cookie the switch sets, which beats the browser's language. */
export function resolveLocale(request: Request): Locale {
  const fromQuery = new URL(request.url).searchParams.get("lang");
  if (isLocale(fromQuery)) return fromQuery;
  return cookieLocale(request.headers.get("cookie")) ?? acceptLanguageLocale(request.headers.get("accept-language")) ?? "en";
}

export function localeCookie(locale: Locale): string {
  return `${LOCALE_COOKIE}=${locale}; Path=/; Max-Age=31536000; SameSite=Lax`;
}

export { isLocale };

/** The reader's IANA time zone, reported by the browser in a cookie (see root.tsx); null until it has. */
export function resolveTimeZone(request: Request): string | null {
  const header = request.headers.get("cookie");
  if (!header) return null;
  for (const part of header.split(";")) {
    const [name, value] = part.trim().split("=");
    if (name === TIME_ZONE_COOKIE && value) return validTimeZone(decodeURIComponent(value));
  }
  return null;
}

import { describe, expect, it } from "vitest";
import { acceptLanguageLocale, resolveLocale } from "~/i18n/locale.server";

const req = (url: string, headers: Record<string, string> = {}) => new Request(`http://x${url}`, { headers });

describe("locale", () => {
  it("prefers ?lang, then the cookie, then Accept-Language, then English", () => {
    expect(resolveLocale(req("/?lang=zh", { cookie: "tw_lang=en", "accept-language": "en" }))).toBe("zh");
    expect(resolveLocale(req("/", { cookie: "a=1; tw_lang=zh", "accept-language": "en" }))).toBe("zh");
    expect(resolveLocale(req("/", { "accept-language": "zh-CN,zh;q=0.9,en;q=0.8" }))).toBe("zh");
    expect(resolveLocale(req("/?lang=fr", { cookie: "tw_lang=xx" }))).toBe("en");
  });

  it("honours q-values in Accept-Language", () => {
    expect(acceptLanguageLocale("en;q=0.5, zh-TW;q=0.8")).toBe("zh");
    expect(acceptLanguageLocale("fr, en;q=0.1")).toBe("en");
    expect(acceptLanguageLocale("fr, de")).toBeNull();
  });
});

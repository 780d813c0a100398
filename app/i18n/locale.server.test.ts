import { describe, expect, it } from "vitest";
import { acceptLanguageLocale, resolveLocale } from "~/i18n/locale.server";
import { localizeFieldMessage, MESSAGES, translator } from "~/i18n/messages";

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

describe("messages", () => {
  it("has every string in Chinese, written in Chinese where it is prose", () => {
    const keys = Object.keys(MESSAGES.en) as (keyof typeof MESSAGES.en)[];
    for (const k of keys) expect(MESSAGES.zh[k], k).toBeTruthy();
    const untranslated = keys.filter((k) => /[a-z]{4,} [a-z]{3,}/i.test(MESSAGES.en[k]) && MESSAGES.zh[k] === MESSAGES.en[k]);
    expect(untranslated).toEqual([]);
  });

  it("fills placeholders", () => {
    expect(translator("zh")("plan.version", { n: 3 })).toBe("第 3 版");
    expect(translator("en")("plan.viewingOld", { n: 1, latest: 4 })).toBe("You are looking at version 1. The latest is version 4.");
  });

  it("translates the schema's field messages for Chinese pages and keeps unknown ones", () => {
    expect(localizeFieldMessage("must be a number", "zh")).toBe("必须是数字");
    expect(localizeFieldMessage("must be at most 200 characters", "zh")).toBe("最多 200 个字符");
    expect(localizeFieldMessage("something new", "zh")).toBe("something new");
    expect(localizeFieldMessage("must be a number", "en")).toBe("must be a number");
  });
});

import { describe, expect, it } from "vitest";
import { parseScenarioInput } from "~/domain/scenario";
import { en } from "~/i18n/catalog/en";
import { zh } from "~/i18n/catalog/zh";
import { fieldErrorsByPath, fieldErrorText } from "~/i18n/field-errors";
import { translator, type MessageKey } from "~/i18n/translate";

describe("the catalogue", () => {
  it("has every string in Chinese, written in Chinese where it is prose", () => {
    const keys = Object.keys(en) as MessageKey[];
    expect(Object.keys(zh).sort()).toEqual([...keys].sort());
    for (const k of keys) expect(zh[k], k).toBeTruthy();
    const untranslated = keys.filter((k) => /[a-z]{4,} [a-z]{3,}/i.test(en[k]) && zh[k] === en[k]);
    expect(untranslated).toEqual([]);
  });

  it("uses the same placeholders in both languages", () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const k of Object.keys(en) as MessageKey[]) expect(names(zh[k]), k).toEqual(names(en[k]));
  });

  it("fills placeholders and labels vocabulary ids, keeping an id it does not know", () => {
    expect(translator("zh")("plan.version", { n: 3 })).toBe("第 3 版");
    expect(translator("en")("plan.viewingOld", { n: 1, latest: 4 })).toBe("You are looking at version 1. The latest is version 4.");
    expect(translator("zh").label("verdict", "go")).toBe("推进");
    expect(translator("en").label("tier", 3)).toBe("Tier 3: fine-tuning and feedback loops");
    expect(translator("en").label("verdict", "maybe_later")).toBe("maybe_later");
    expect(translator("zh").list(["a", "b"])).toBe("a、b");
  });
});

describe("field errors", () => {
  const errorsOf = (raw: unknown) => {
    const r = parseScenarioInput(raw);
    if (r.ok) throw new Error("expected errors");
    return r.errors;
  };

  it("come from the schema with a code and parameters, and read in Chinese without back-translating English", () => {
    const errors = errorsOf({
      description: "",
      usage: { users: "many" },
      business: { conversionRate: 3, pricePerUserMonth: 2e12 },
      colour: 1,
    });
    const zhT = translator("zh");
    const byPath = fieldErrorsByPath(errors, zhT);
    expect(byPath).toEqual({
      description: "必填",
      "usage.users": "必须是数字",
      "business.conversionRate": "必须是 0 到 1 之间的比例（也可以写成百分数，如 3%）",
      "business.pricePerUserMonth": "不能超过 1,000,000,000,000",
      colour: "不是已知字段",
    });
    for (const text of Object.values(byPath)) expect(text).not.toMatch(/[a-z]{3,}/);
  });

  it("name an assumption out of its bounds with the bounds, formatted for the locale", () => {
    const [e] = errorsOf({ description: "x", assumptions: { "finance.conversionRate": 2 } });
    expect(e).toMatchObject({ path: "assumptions.finance.conversionRate", code: "out_of_range", params: { min: 0, max: 1 } });
    expect(fieldErrorText(e, translator("zh"))).toBe("必须在 0 到 1 之间");
    const [big] = errorsOf({ description: "x", assumptions: { "cost.otherOneOff": -1 } });
    expect(fieldErrorText(big, translator("en"))).toBe("must be between 0 and 1,000,000,000,000");
  });

  it("keep the English message for an error without a code, and say something in Chinese", () => {
    expect(fieldErrorText({ message: "went wrong" }, translator("en"))).toBe("went wrong");
    expect(fieldErrorText({ message: "went wrong" }, translator("zh"))).toBe("取值无效");
  });
});

import { describe, expect, it } from "vitest";
import { findNumbers, parseChineseNumeral, parseNumber } from "~/domain/profile/numbers";

describe("parseNumber reads numbers as people write them", () => {
  it.each([
    ["50,000", 50_000],
    ["5万", 50_000],
    ["五万", 50_000],
    ["20 万", 200_000],
    ["3k", 3_000],
    ["3K", 3_000],
    ["1.2亿", 120_000_000],
    ["两千", 2_000],
    ["13k", 13_000],
    ["1.5 million", 1_500_000],
    ["2m", 2_000_000],
    ["十二", 12],
    ["一亿二千万", 120_000_000],
    ["三千五百", 3_500],
    ["1,000+", 1_000],
    ["1000多", 1_000],
    ["52000", 52_000],
    ["0.3", 0.3],
  ])("%s → %d", (text, value) => {
    expect(parseNumber(text)).toBe(value);
  });

  it("is NaN for words that are not numbers", () => {
    expect(parseNumber("many")).toBeNaN();
    expect(parseNumber("千万")).toBeNaN();
  });
});

describe("findNumbers", () => {
  it("finds every number in a sentence with its offsets", () => {
    const text = "五万份合同和 20 万条聊天记录";
    const found = findNumbers(text);
    expect(found.map((n) => n.value)).toEqual([50_000, 200_000]);
    expect(text.slice(found[1].start, found[1].end)).toBe("20 万");
  });

  it("does not read a month count or a unit as a multiplier", () => {
    expect(findNumbers("3 months").map((n) => n.value)).toEqual([3]);
    expect(findNumbers("5 kg").map((n) => n.value)).toEqual([5]);
  });

  it("skips digits that are part of a name such as A100 or GPT4", () => {
    expect(findNumbers("8×A100 and GPT4").map((n) => n.value)).toEqual([8]);
  });
});

describe("parseChineseNumeral", () => {
  it("handles 万 and 亿 sections", () => {
    expect(parseChineseNumeral("十万")).toBe(100_000);
    expect(parseChineseNumeral("三百万")).toBe(3_000_000);
    expect(parseChineseNumeral("一万零五")).toBe(10_005);
  });
  it("rejects text that is not a numeral", () => {
    expect(parseChineseNumeral("万能")).toBeNaN();
  });
});

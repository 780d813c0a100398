import { describe, expect, it } from "vitest";
import { readAmount } from "~/lib/typed-amount";

const value = (text: string, kind?: Parameters<typeof readAmount>[1]) => {
  const r = readAmount(text, kind);
  return r && r.ok ? r.value : r;
};

describe("readAmount", () => {
  it("reads plain numbers with the separators people type", () => {
    expect(value("12,000")).toBe(12000);
    expect(value("12，000")).toBe(12000);
    expect(value(" 1 200.5 ")).toBe(1200.5);
    expect(value("３５０００")).toBe(35000);
    expect(value("")).toBeUndefined();
    expect(value("   ")).toBeUndefined();
  });

  it("reads magnitudes in both languages", () => {
    expect(value("30k")).toBe(30000);
    expect(value("1.5万")).toBe(15000);
    expect(value("1.5w")).toBe(15000);
    expect(value("2亿")).toBe(2e8);
    expect(value("1.2M")).toBe(1.2e6);
    expect(value("3千")).toBe(3000);
  });

  it("reads money with its currency, and refuses the other currency by name", () => {
    expect(value("¥30", { kind: "money", currency: "CNY" })).toBe(30);
    expect(value("￥30", { kind: "money", currency: "CNY" })).toBe(30);
    expect(value("30元", { kind: "money", currency: "CNY" })).toBe(30);
    expect(value("¥30/月", { kind: "money", currency: "CNY" })).toBe(30);
    expect(value("$8k", { kind: "money", currency: "USD" })).toBe(8000);
    expect(value("US$1.5M", { kind: "money", currency: "USD" })).toBe(1.5e6);
    expect(readAmount("$30", { kind: "money", currency: "CNY" })).toEqual({
      ok: false,
      code: "wrong_currency",
      params: { currency: "CNY" },
    });
    expect(readAmount("¥30", { kind: "number" })).toEqual({ ok: false, code: "not_number" });
  });

  it("reads shares: a percentage field takes 3 and 3% alike; a fraction field takes 0.03 and 3%", () => {
    expect(value("3%", { kind: "percent" })).toBe(0.03);
    expect(value("3", { kind: "percent" })).toBe(0.03);
    expect(value("2.5 %", { kind: "percent" })).toBe(0.025);
    expect(value("３％", { kind: "percent" })).toBe(0.03);
    expect(value("0.03", { kind: "fraction" })).toBe(0.03);
    expect(value("3%", { kind: "fraction" })).toBe(0.03);
    expect(value("3%", { kind: "number" })).toBe(0.03);
    expect(readAmount("3%", { kind: "money", currency: "USD" })).toEqual({ ok: false, code: "not_number" });
  });

  it("names text that is not a number", () => {
    for (const bad of ["3500(", "abc", "1.2.3", "5-", "--3", "1e999"])
      expect(readAmount(bad), bad).toMatchObject({ ok: false, code: "not_number" });
    expect(value("-5%", { kind: "percent" })).toBe(-0.05);
  });
});

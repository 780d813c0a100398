import { describe, expect, it } from "vitest";
import { OPERATORS, OPERATOR_NAMES } from "~/domain/engine/operators";

describe("operator registry", () => {
  it("compares scalars", () => {
    expect(OPERATORS.equal("a", "a")).toBe(true);
    expect(OPERATORS.notEqual("a", "b")).toBe(true);
    expect(OPERATORS.in("toC", ["toC", "toB"])).toBe(true);
    expect(OPERATORS.notIn("internal", ["toC", "toB"])).toBe(true);
  });

  it("compares lists", () => {
    expect(OPERATORS.contains(["rag", "sft"], "sft")).toBe(true);
    expect(OPERATORS.doesNotContain(["rag"], "sft")).toBe(true);
    expect(OPERATORS.containsAny(["qa"], ["qa", "code"])).toBe(true);
    expect(OPERATORS.containsAll(["qa"], ["qa", "code"])).toBe(false);
    expect(OPERATORS.containsNone(["qa"], ["code"])).toBe(true);
  });

  it("compares numbers, with inclusive atLeast/atMost", () => {
    expect(OPERATORS.atLeast(1000, 1000)).toBe(true);
    expect(OPERATORS.greaterThan(1000, 1000)).toBe(false);
    expect(OPERATORS.atMost(0, 0)).toBe(true);
    expect(OPERATORS.lessThan(0, 0)).toBe(false);
  });

  it("never throws and answers false for a fact of the wrong type", () => {
    for (const name of OPERATOR_NAMES) {
      if (name === "notEqual" || name === "notIn") continue;
      expect(OPERATORS[name](undefined, 1), name).toBe(false);
    }
    expect(OPERATORS.atLeast("1000", 10)).toBe(false);
    expect(OPERATORS.contains("sft", "sft")).toBe(false);
  });
});

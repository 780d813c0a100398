import { describe, expect, it } from "vitest";
import { evaluateCondition, passingFacts } from "~/domain/engine/conditions";
import type { ConditionTrace } from "~/domain/engine/types";
import type { FactContext } from "~/domain/engine/facts";

const ctx: FactContext = new Map<string, { value: unknown; source: string }>([
  ["stakesLevel", { value: 3, source: "user" }],
  ["reviewLevel", { value: 0, source: "heuristic" }],
  ["tasks", { value: ["qa"], source: "default" }],
]);

describe("evaluateCondition", () => {
  it("evaluates all/any/not and traces every leaf, not only until the first failure", () => {
    const trace: ConditionTrace[] = [];
    const fired = evaluateCondition(
      {
        all: [
          { fact: "stakesLevel", operator: "atLeast", value: 2 },
          {
            any: [
              { fact: "tasks", operator: "contains", value: "code" },
              { fact: "reviewLevel", operator: "atMost", value: 0 },
            ],
          },
          { not: { fact: "tasks", operator: "contains", value: "agent_workflow" } },
        ],
      },
      ctx,
      trace,
    );
    expect(fired).toBe(true);
    expect(trace).toEqual([
      { fact: "stakesLevel", operator: "atLeast", expected: 2, actual: 3, pass: true },
      { fact: "tasks", operator: "contains", expected: "code", actual: ["qa"], pass: false },
      { fact: "reviewLevel", operator: "atMost", expected: 0, actual: 0, pass: true },
      { fact: "tasks", operator: "not contains", expected: "agent_workflow", actual: ["qa"], pass: true },
    ]);
    expect(passingFacts(trace)).toEqual(["stakesLevel", "reviewLevel", "tasks"]);
  });

  it("does not fire when an `all` branch fails, and still traces the rest", () => {
    const trace: ConditionTrace[] = [];
    const fired = evaluateCondition(
      {
        all: [
          { fact: "stakesLevel", operator: "lessThan", value: 1 },
          { fact: "reviewLevel", operator: "equal", value: 0 },
        ],
      },
      ctx,
      trace,
    );
    expect(fired).toBe(false);
    expect(trace).toHaveLength(2);
  });

  it("can compare where a fact came from", () => {
    const trace: ConditionTrace[] = [];
    expect(evaluateCondition({ fact: "tasks", path: "source", operator: "equal", value: "default" }, ctx, trace)).toBe(true);
    expect(trace[0]).toMatchObject({ fact: "tasks.source", actual: "default" });
  });

  it("treats an empty `all` as always true", () => {
    expect(evaluateCondition({ all: [] }, ctx, [])).toBe(true);
  });
});

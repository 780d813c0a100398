// The operator registry of the rule engine (json-rules-engine style): a rule names an operator, the registry decides.
// Every operator is total: a fact of the wrong type makes it return false, never throw.

export type Operator = (actual: unknown, expected: unknown) => boolean;

const asArray = (x: unknown): unknown[] => (Array.isArray(x) ? x : [x]);
const isNum = (x: unknown): x is number => typeof x === "number" && Number.isFinite(x);

export const OPERATORS = {
  equal: (a, e) => a === e,
  notEqual: (a, e) => a !== e,
  in: (a, e) => Array.isArray(e) && e.includes(a),
  notIn: (a, e) => Array.isArray(e) && !e.includes(a),
  /** The fact is a list that holds the value. */
  contains: (a, e) => Array.isArray(a) && a.includes(e),
  doesNotContain: (a, e) => Array.isArray(a) && !a.includes(e),
  containsAny: (a, e) => Array.isArray(a) && asArray(e).some((v) => a.includes(v)),
  containsAll: (a, e) => Array.isArray(a) && asArray(e).every((v) => a.includes(v)),
  containsNone: (a, e) => Array.isArray(a) && !asArray(e).some((v) => a.includes(v)),
  greaterThan: (a, e) => isNum(a) && isNum(e) && a > e,
  lessThan: (a, e) => isNum(a) && isNum(e) && a < e,
  atLeast: (a, e) => isNum(a) && isNum(e) && a >= e,
  atMost: (a, e) => isNum(a) && isNum(e) && a <= e,
} satisfies Record<string, Operator>;

export type OperatorName = keyof typeof OPERATORS;
export const OPERATOR_NAMES = Object.keys(OPERATORS) as [OperatorName, ...OperatorName[]];

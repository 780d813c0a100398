// The one way a stored plan comes back from storage: parsed, checked against the plan's schema, and upgraded when it
// was written by an older engine. Versions are immutable in the database; an old one is recomputed in memory from its
// stored input (offline: the LLM step is not replayed), and the reader is told so. Views can then trust the type.
import { buildPlan } from "~/domain/plan";
import { DecisionPlanSchema } from "~/domain/plan-schema";
import { PLAN_SCHEMA_VERSION, type DecisionPlan } from "~/domain/plan-types";
import { parseScenarioInput, type ScenarioInput } from "~/domain/scenario";

/** Why a stored plan was recomputed: written under another schema version, or not matching the current schema. */
export interface PlanUpgrade {
  reason: "old_schema" | "invalid";
  /** The schemaVersion the stored plan declared (null when it had none). */
  fromSchemaVersion: number | null;
  toSchemaVersion: number;
}

export interface DecodedVersion {
  input: ScenarioInput;
  plan: DecisionPlan;
  /** Null when the stored plan was current and valid. */
  upgrade: PlanUpgrade | null;
}

export class StoredVersionError extends Error {}

/** The stored input as saved; it was validated at save time and is checked again with the one input schema. */
export function decodeInput(inputJson: string): ScenarioInput {
  let raw: unknown;
  try {
    raw = JSON.parse(inputJson);
  } catch (err) {
    throw new StoredVersionError(`stored input is not JSON: ${(err as Error).message}`);
  }
  const parsed = parseScenarioInput(raw);
  if (!parsed.ok)
    throw new StoredVersionError(`stored input no longer valid: ${parsed.errors.map((e) => `${e.path} ${e.message}`).join("; ")}`);
  return parsed.value;
}

/** A stored plan as the current DecisionPlan, recomputed from `input` when it is old or does not match the schema. */
export function decodePlan(planJson: string, input: ScenarioInput): { plan: DecisionPlan; upgrade: PlanUpgrade | null } {
  let raw: unknown;
  try {
    raw = JSON.parse(planJson);
  } catch {
    raw = null;
  }
  const declared =
    typeof raw === "object" && raw !== null && typeof (raw as { schemaVersion?: unknown }).schemaVersion === "number"
      ? (raw as { schemaVersion: number }).schemaVersion
      : null;
  if (declared === PLAN_SCHEMA_VERSION) {
    const parsed = DecisionPlanSchema.safeParse(raw);
    if (parsed.success) return { plan: parsed.data, upgrade: null };
  }
  return {
    plan: buildPlan(input),
    upgrade: {
      reason: declared === PLAN_SCHEMA_VERSION ? "invalid" : "old_schema",
      fromSchemaVersion: declared,
      toSchemaVersion: PLAN_SCHEMA_VERSION,
    },
  };
}

export function decodeVersion(inputJson: string, planJson: string): DecodedVersion {
  const input = decodeInput(inputJson);
  return { input, ...decodePlan(planJson, input) };
}

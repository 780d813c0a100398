// Technique mapping: start at the lowest tier that can work and add a technique only for a stated reason.
// The catalogue is evaluated in file order (tier 1, then 2, then 3), and each technique sees the ones chosen before it,
// so "LoRA because fine-tuning is needed" is a rule like any other. An escalation that waits on an eval result (a
// selector with a `gate`) is listed with that gate and does not raise the primary tier: the tier the plan commits to now.
import { evaluateCondition, passingFacts } from "~/domain/engine/conditions";
import type { FactContext } from "~/domain/engine/facts";
import type { ConditionTrace, RuleTrace, TechniqueChoice, Tier } from "~/domain/engine/types";
import { TECHNIQUES } from "~/domain/kb/techniques";
import type { Locale } from "~/domain/scenario";
import type { LocalizedText } from "~/domain/text";

export interface TechniqueSelection {
  techniques: TechniqueChoice[];
  primaryTier: Tier;
  trace: RuleTrace[];
}

/** The gated techniques a selector's condition passed through (`gatedTechniques contains sft`): it inherits their gate. */
function inheritedFrom(conditions: ConditionTrace[]): string[] {
  const ids: string[] = [];
  for (const c of conditions) {
    if (!c.pass || c.fact !== "gatedTechniques" || c.operator.startsWith("not ")) continue;
    for (const v of Array.isArray(c.expected) ? c.expected : [c.expected]) {
      if (Array.isArray(c.actual) && c.actual.includes(v) && typeof v === "string") ids.push(v);
    }
  }
  return ids;
}

export function selectTechniques(ctx: FactContext, locale: Locale): TechniqueSelection {
  const chosen: TechniqueChoice[] = [];
  const trace: RuleTrace[] = [];
  const committed: string[] = [];
  const gated = new Map<string, LocalizedText>();
  for (const technique of TECHNIQUES) {
    const now = { zh: [] as string[], en: [] as string[] };
    const later = { zh: [] as string[], en: [] as string[] };
    let gate: LocalizedText | undefined;
    const triggeredBy: string[] = [];
    const sources = [technique.source];
    for (const selector of technique.select) {
      const conditions: RuleTrace["conditions"] = [];
      const fired = evaluateCondition(selector.when, ctx, conditions);
      trace.push({ ruleId: `technique.${technique.id}.${selector.id}`, fired, conditions, effects: [] });
      if (!fired) continue;
      const own =
        selector.gate ??
        inheritedFrom(conditions)
          .map((id) => gated.get(id))
          .find((g) => g !== undefined);
      const bucket = own ? later : now;
      if (own) gate ??= own;
      bucket.zh.push(selector.why.zh);
      bucket.en.push(selector.why.en);
      for (const f of passingFacts(conditions)) if (!triggeredBy.includes(f)) triggeredBy.push(f);
      if (!sources.includes(selector.source)) sources.push(selector.source);
    }
    if (now.zh.length === 0 && later.zh.length === 0) continue;
    // Committed when any reason holds without a gate; the gated reasons then only add to why.
    const isGated = now.zh.length === 0;
    const whyText = { zh: [...now.zh, ...later.zh].join(""), en: [...now.en, ...later.en].join(" ") };
    chosen.push({
      id: technique.id,
      // `traditional` sits beside the LLM; the contract only knows tiers 1–3, so it carries the catalogue's tier 1.
      tier: technique.tier,
      name: technique.name,
      why: whyText[locale],
      whyText,
      triggeredBy,
      kind: technique.kind,
      sources,
      ...(isGated && gate ? { gate: gate[locale], gateText: gate } : {}),
    });
    if (isGated && gate) gated.set(technique.id, gate);
    else committed.push(technique.id);
    ctx.set("techniques", { value: [...committed], source: "engine" });
    ctx.set("gatedTechniques", { value: [...gated.keys()], source: "engine" });
  }
  // The tier the plan commits to now: escalations waiting on a gate do not count.
  const primaryTier = chosen.reduce<Tier>((max, t) => (t.kind === "llm" && !t.gate && t.tier > max ? t.tier : max), 1);
  ctx.set("primaryTier", { value: primaryTier, source: "engine" });
  return { techniques: chosen, primaryTier, trace };
}

// Technique mapping: start at the lowest tier that can work and add a technique only for a stated reason.
// The catalogue is evaluated in file order (tier 1, then 2, then 3), and each technique sees the ones chosen before it,
// so "LoRA because fine-tuning is needed" is a rule like any other.
import { evaluateCondition, passingFacts } from "~/domain/engine/conditions";
import type { FactContext } from "~/domain/engine/facts";
import type { RuleTrace, TechniqueChoice, Tier } from "~/domain/engine/types";
import { TECHNIQUES } from "~/domain/kb/techniques";
import type { Locale } from "~/domain/scenario";

export interface TechniqueSelection {
  techniques: TechniqueChoice[];
  primaryTier: Tier;
  trace: RuleTrace[];
}

export function selectTechniques(ctx: FactContext, locale: Locale): TechniqueSelection {
  const chosen: TechniqueChoice[] = [];
  const trace: RuleTrace[] = [];
  const ids: string[] = [];
  for (const technique of TECHNIQUES) {
    const zh: string[] = [];
    const en: string[] = [];
    const triggeredBy: string[] = [];
    const sources = [technique.source];
    for (const selector of technique.select) {
      const conditions: RuleTrace["conditions"] = [];
      const fired = evaluateCondition(selector.when, ctx, conditions);
      trace.push({ ruleId: `technique.${technique.id}.${selector.id}`, fired, conditions, effects: [] });
      if (!fired) continue;
      zh.push(selector.why.zh);
      en.push(selector.why.en);
      for (const f of passingFacts(conditions)) if (!triggeredBy.includes(f)) triggeredBy.push(f);
      if (!sources.includes(selector.source)) sources.push(selector.source);
    }
    if (zh.length === 0) continue;
    const whyText = { zh: zh.join(""), en: en.join(" ") };
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
    });
    ids.push(technique.id);
    ctx.set("techniques", { value: [...ids], source: "engine" });
  }
  const primaryTier = chosen.reduce<Tier>((max, t) => (t.kind === "llm" && t.tier > max ? t.tier : max), 1);
  ctx.set("primaryTier", { value: primaryTier, source: "engine" });
  return { techniques: chosen, primaryTier, trace };
}

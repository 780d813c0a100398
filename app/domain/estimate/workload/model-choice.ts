// The model by task difficulty and language: a small model for narrow classification, a mid model for drafting,
// extraction, chat, retrieval answers and SQL, a frontier model for agents, code and expert drafting where a wrong
// answer is costly. Hosted models from the one price table (data/prices.json), open ones for self-hosting and
// fine-tuning from data/models.json; a model the description names (e.g. "Qwen2.5-72B") wins for self-hosting.
import type { EstimateContext } from "~/domain/estimate/context";
import { MODELS, openModel, PRICES, TIERS, type OpenModelSpec } from "~/domain/estimate/kb";
import { nearestModel } from "~/domain/estimate/serving/memory";
import type { ModelChoice, ModelTier } from "~/domain/estimate/types";
import { requestProfile } from "~/domain/estimate/workload/tokens";

type Slot = ModelTier | "code";

/** Why the tier is what it is, as a reason code. */
function tierFor(ctx: Pick<EstimateContext, "profile" | "techniques">): { slot: Slot; reason: string } {
  const profile = requestProfile(ctx);
  if (profile === "coding_agent") return { slot: "code", reason: "coding_agent" };
  if (profile === "agent_workflow") return { slot: "frontier", reason: "agent_steps" };
  const p = ctx.profile;
  const tasks = p.tasks.value;
  if (tasks.includes("code")) return { slot: "frontier", reason: "code" };
  const expert = p.knowledge.value.includes("vertical_expertise") && (p.stakes.value === "high" || p.stakes.value === "critical");
  if (expert && tasks.some((t) => t === "generation" || t === "summarization" || t === "qa"))
    return { slot: "frontier", reason: "expert_drafting" };
  if (tasks.length > 0 && tasks.every((t) => t === "classification")) return { slot: "small", reason: "narrow_classification" };
  return { slot: "mid", reason: tasks.includes("extraction") && tasks.length === 1 ? "extraction" : "general" };
}

/** A model the description names ("Qwen2.5-72B", "Llama 3.1 70B", "72B 开源模型"), as an open model of our table. */
export function namedOpenModel(text: string): OpenModelSpec | undefined {
  const named =
    /(qwen|llama|glm|mistral|yi|deepseek)[\s-]*(?:\d(?:\.\d)?)?[\s-]*(\d{1,3}(?:\.\d)?)\s*b\b/iu.exec(text) ??
    /\b(\d{1,3})\s*b\b(?:\s*(?:开源|open|model|模型|参数))/iu.exec(text);
  if (!named) return undefined;
  const size = Number(named[2] ?? named[1]);
  if (!(size >= 0.5 && size <= 1000)) return undefined;
  const family = named[2] ? named[1].toLowerCase() : undefined;
  const candidates = MODELS.models.filter((m) => !family || m.id.startsWith(family === "llama" ? "llama" : family));
  const pool = candidates.length ? candidates : MODELS.models;
  return pool.reduce((best, m) => (Math.abs(Math.log(m.paramsB / size)) < Math.abs(Math.log(best.paramsB / size)) ? m : best), pool[0]);
}

export function chooseModel(ctx: EstimateContext): ModelChoice & { open: OpenModelSpec } {
  const { slot, reason } = tierFor(ctx);
  const tier: ModelTier = slot === "code" ? "frontier" : slot;
  const lang = ctx.locale;
  const apiId = PRICES.choice[lang][slot];
  const named = namedOpenModel(ctx.input.description);
  const userSize = ctx.input.assumptions?.["compute.modelSizeB"];
  const open = userSize !== undefined ? nearestModel(userSize) : (named ?? openModel(MODELS.choice[lang][slot])!);
  const openReason = userSize !== undefined ? "user_size" : named ? "named_in_description" : reason;
  if (!TIERS.includes(tier)) throw new Error(`unknown tier ${tier}`);
  return {
    tier,
    apiId,
    openId: open.id,
    reason,
    derivation: { code: `model.${reason}`, params: { tier, api: apiId, open: open.id, openReason, language: lang } },
    open,
  };
}

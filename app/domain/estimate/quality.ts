// Expected quality: the published band for the task type at the plan's tier (data/quality.json), the threshold a
// version must pass before users rely on it (by stakes), and the projection over feedback rounds — each round closing a
// share of the gap to the band's top — with the source of every point.
import type { EstimateContext } from "~/domain/estimate/context";
import { kb } from "~/domain/estimate/assumptions/book";
import { QUALITY } from "~/domain/estimate/kb";
import { round3 } from "~/domain/estimate/money";
import type { Quality, QualityPoint } from "~/domain/estimate/types";
import { requestProfile } from "~/domain/estimate/workload/tokens";

const ROUNDS = 6;

/** The task that defines what "good" means, most defining first (an agent run, SQL, answers over documents…). */
const DEFINING = [
  "code",
  "agent_workflow",
  "text_to_sql",
  "qa",
  "conversation",
  "generation",
  "rewriting",
  "summarization",
  "translation",
  "extraction",
  "classification",
  "multimodal",
];
/** Support conversations are measured by resolution; other conversations (a tutor, a sales reply) like drafting. */
const SUPPORT = /客服|售后|support|customer[- ]service|help\s*desk|contact\s+(?:centre|center)|call\s+(?:centre|center)/iu;

function bandTask(ctx: EstimateContext): string {
  const profile = requestProfile(ctx);
  if (profile === "coding_agent" || profile === "agent_workflow") return "code";
  const tasks = ctx.profile.tasks.value;
  const task = DEFINING.find((t) => tasks.includes(t as never)) ?? "generation";
  if (task === "conversation" && !SUPPORT.test(ctx.input.description)) return "generation";
  return QUALITY.taskBand[task] ?? "generation";
}

export function expectedQuality(ctx: EstimateContext): Quality {
  const task = bandTask(ctx);
  const band = QUALITY.bands.find((b) => b.task === task) ?? QUALITY.bands.find((b) => b.task === "generation")!;
  const tier = ctx.tier;
  const { low, high } = band.tiers[String(tier) as "1" | "2" | "3"];
  const threshold = QUALITY.threshold[ctx.profile.stakes.value];
  const g = ctx.book.get("quality.roundGain", kb(QUALITY.roundGain, true));
  const gLow = QUALITY.roundGain.low ?? g;
  const gHigh = QUALITY.roundGain.high ?? g;
  const at = (gain: number, r: number) => round3(low + (high - low) * (1 - Math.pow(1 - gain, r)));
  const rounds: QualityPoint[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    rounds.push({
      round: r,
      low: at(Math.min(gLow, g), r),
      mid: at(g, r),
      high: at(Math.max(gHigh, g), r),
      source: r === 0 ? band.sources[0] : QUALITY.roundGain.source,
    });
  }
  const reach = rounds.find((p) => p.mid >= threshold);
  return {
    metric: band.metric,
    task,
    tier,
    low,
    high,
    threshold,
    sources: band.sources,
    rounds,
    roundsToThreshold: reach ? reach.round : null,
  };
}

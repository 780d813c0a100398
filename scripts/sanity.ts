// `npm run sanity`: the checks an experienced LLM product lead would insist on before trusting a plan's money and
// effort, over every template (zh and en, with their fields and as free text) and the scenarios of
// scripts/sanity-scenarios.ts. Written before the estimators were changed for issue 10 and run on the original code
// (eef3c71) for the "before" figures; plans are read loosely (`any`) so the same checks run on both shapes.
// `--json` prints the results as JSON; the exit code is 0 either way (this is a measurement, not a gate).
import { buildContext } from "~/domain/engine/facts";
import { estimateFineTune, estimateServing } from "~/domain/estimate/compute";
import { GPUS } from "~/domain/estimate/kb";
import { TEMPLATES } from "~/domain/kb/templates";
import { buildPlan } from "~/domain/plan";
import { parseScenarioInput } from "~/domain/scenario";
import { SANITY_SCENARIOS } from "./sanity-scenarios";

/* eslint-disable @typescript-eslint/no-explicit-any */
type Plan = any;

export interface CheckResult {
  id: string;
  title: string;
  pass: boolean;
  /** The figures behind the verdict, one short line each. */
  figures: string[];
}

function plan(raw: unknown): Plan {
  const parsed = parseScenarioInput(raw);
  if (!parsed.ok) throw new Error(`invalid scenario: ${JSON.stringify(parsed.errors)}`);
  return buildPlan(parsed.value);
}

export function buildPlans(): Map<string, Plan> {
  const plans = new Map<string, Plan>();
  for (const t of TEMPLATES) {
    for (const locale of ["zh", "en"] as const) {
      const input = t.input[locale];
      plans.set(`tpl:${t.id}:${locale}`, plan(input));
      plans.set(`free:${t.id}:${locale}`, plan({ title: input.title, description: input.description }));
    }
  }
  for (const s of SANITY_SCENARIOS) plans.set(s.id, plan(s.input));
  return plans;
}

const fmt = (v: unknown, digits = 2): string =>
  typeof v === "number" && Number.isFinite(v) ? v.toLocaleString("en-US", { maximumFractionDigits: digits }) : String(v);
const assumption = (p: Plan, key: string): number | undefined => p.assumptions?.find((a: any) => a.key === key)?.value;
const lastMonth = (p: Plan) => p.finance?.months?.[p.finance.months.length - 1];
const selfHosted = (p: Plan) => p.compute?.deployment === "self_hosted";
const tiers = (p: Plan): number[] => (p.techniques ?? []).map((t: any) => t.tier);
const FINE_TUNE = new Set(["sft", "lora", "qlora", "reward_model", "rlhf", "dpo"]);
/** GPUs a company in mainland China can buy or rent under the 2023–2025 US export rules (reference-facts gpuPrices). */
const CHINA_GPUS = /h20|l20|4090|910b|ascend|l40|a6000/i;
const inputTokens = (p: Plan): number => p.compute?.workload?.inputTokens ?? assumption(p, "compute.inputTokensPerRequest") ?? 0;
const outputTokens = (p: Plan): number => p.compute?.workload?.outputTokens ?? assumption(p, "compute.outputTokensPerRequest") ?? 0;
const tokensPerRun = (p: Plan): number => (p.compute?.workload?.tokensPerRequest ?? inputTokens(p) + outputTokens(p)) as number;

export function runChecks(plans: Map<string, Plan>): CheckResult[] {
  const get = (id: string): Plan => {
    const p = plans.get(id);
    if (!p) throw new Error(`no plan ${id}`);
    return p;
  };
  const all = [...plans.entries()];
  const results: CheckResult[] = [];
  const check = (id: string, title: string, fn: () => { pass: boolean; figures: string[] }) => {
    try {
      const r = fn();
      results.push({ id, title, ...r });
    } catch (err) {
      results.push({ id, title, pass: false, figures: [`error: ${(err as Error).message}`] });
    }
  };

  check("C01", "No NaN, no negative cost, one currency per plan", () => {
    const bad: string[] = [];
    for (const [id, p] of all) {
      const json = JSON.stringify(p);
      if (/NaN|Infinity/.test(json)) bad.push(`${id}: NaN`);
      if ((p.finance?.months ?? []).some((m: any) => m.costs < 0) || p.cost?.oneOffTotal < 0 || p.cost?.monthlyTotal < 0)
        bad.push(`${id}: negative cost`);
      if (p.cost?.currency !== p.finance?.currency || p.team?.currency !== p.finance?.currency) bad.push(`${id}: mixed currency`);
    }
    return { pass: bad.length === 0, figures: bad.length ? bad.slice(0, 5) : [`${all.length} plans clean`] };
  });

  check("C02", "Tiers follow the seed's order: prompting first; tier 3 only in tier-3 plans", () => {
    const bad = all.filter(
      ([, p]) =>
        !(p.techniques ?? []).some((t: any) => t.id === "prompt_engineering") ||
        (p.primaryTier < 3 && (p.techniques ?? []).some((t: any) => FINE_TUNE.has(t.id) && !t.gate)),
    );
    return { pass: bad.length === 0, figures: bad.length ? bad.map(([id]) => id).slice(0, 5) : [`${all.length} plans start at tier 1`] };
  });

  check("C03", "ToC paying base stays within the stated paying base or market × conversion", () => {
    const bounds: [string, number, string][] = [
      ["tpl:art-studio-comments:zh", 2000, "1000 多位付费老师"],
      ["tpl:art-studio-comments:en", 2000, "1,000+ paying teachers"],
      ["free:art-studio-comments:zh", 2000, "1000 多位付费老师"],
      ["seed-sentence-zh", 2000, "1000多月付费用户"],
      ["toc-cac-en", 400_000 * 0.03, "market 400,000 × 3% conversion"],
      ["toc-cac-zh", 300_000 * 0.04, "market 30 万 × 4% conversion"],
      ["logo-pick-en", 20_000, "20,000 users"],
    ];
    const figures = bounds.map(([id, bound, words]) => {
      const units = lastMonth(get(id))?.activeUnits ?? NaN;
      return { ok: units <= bound, line: `${id}: ${fmt(units, 0)} paying at month 36 vs ${fmt(bound, 0)} (${words})` };
    });
    return { pass: figures.every((f) => f.ok), figures: figures.map((f) => f.line) };
  });

  check("C04", "The seed's sentence as free text and the art-studio template give NPVs within 5× of each other", () => {
    const tpl = get("tpl:art-studio-comments:zh").finance?.npv;
    const free = get("seed-sentence-zh").finance?.npv;
    const ratio = Math.max(Math.abs(tpl), Math.abs(free)) / Math.max(1, Math.min(Math.abs(tpl), Math.abs(free)));
    return {
      pass: Math.sign(tpl) === Math.sign(free) && ratio <= 5,
      figures: [`template NPV ${fmt(tpl, 0)}, free text NPV ${fmt(free, 0)}, ratio ${fmt(ratio, 1)}×`],
    };
  });

  check("C05", "Free public services book no revenue", () => {
    const ids = ["public-service-en", "triage-zh", "support-bot-zh"];
    const figures = ids.map((id) => ({
      id,
      revenue: get(id).finance?.totalRevenue ?? NaN,
      model: get(id).finance?.revenueModel ?? get(id).finance?.model,
    }));
    return {
      pass: figures.every((f) => f.revenue === 0),
      figures: figures.map((f) => `${f.id}: revenue ${fmt(f.revenue, 0)} over 36 months (model ${f.model})`),
    };
  });

  // C06 and C07 compare the stated figure with the same plan where it is overridden to zero (the property "counting it
  // lowers NPV"). The first version compared the text with and without the sentence; once the model has sourced
  // defaults for both (a default CAC, an app-store fee), that comparison's direction depends on the default, so it no
  // longer tests what it names. On the original code both forms fail: NPVs were identical and no override key existed.
  const overridden = (id: string, key: string): Plan | undefined => {
    const s = SANITY_SCENARIOS.find((x) => x.id === id);
    const parsed = s && parseScenarioInput({ ...s.input, assumptions: { [key]: 0 } });
    return parsed && parsed.ok ? buildPlan(parsed.value) : undefined;
  };

  check("C06", "A stated CAC is counted: it lowers NPV and shows as unitEconomics.cac", () => {
    const pairs: [string, number][] = [
      ["toc-cac-en", 40],
      ["toc-cac-zh", 80],
      ["seats-saas-en", 8000],
    ];
    const figures = pairs.map(([id, cac]) => {
      const a = get(id).finance;
      const zero = overridden(id, "finance.acquisitionCostPerCustomer")?.finance;
      const ok = zero !== undefined && a?.npv < zero.npv && Math.abs((a?.unitEconomics?.cac ?? NaN) - cac) / cac < 0.2;
      return {
        ok,
        line: `${id}: NPV ${fmt(a?.npv, 0)} with the stated CAC vs ${fmt(zero?.npv, 0)} with CAC 0; unitEconomics.cac ${fmt(a?.unitEconomics?.cac)} (stated ${cac}); without the sentence ${fmt(get(`${id}-no-cac`).finance?.npv, 0)}`,
      };
    });
    return { pass: figures.every((f) => f.ok), figures: figures.map((f) => f.line) };
  });

  check("C07", "A stated store / payment fee is counted", () => {
    const a = get("toc-cac-en").finance;
    const zero = overridden("toc-cac-en", "finance.channelFeeShare")?.finance;
    return {
      pass: zero !== undefined && a?.npv < zero.npv && (a?.unitEconomics?.grossMargin ?? 1) <= 0.85,
      figures: [
        `NPV ${fmt(a?.npv, 0)} with the 15% store fee vs ${fmt(zero?.npv, 0)} with no fee (without the sentence: ${fmt(get("toc-cac-en-no-fee").finance?.npv, 0)}); gross margin ${fmt(a?.unitEconomics?.grossMargin)}`,
      ],
    };
  });

  check("C08", "Seats and contracts: sales and customer-success people are staffed and costed", () => {
    const p = get("seats-saas-en");
    const roles = (p.team?.roles ?? []).map((r: any) => r.role);
    const sales = (p.team?.roles ?? []).filter((r: any) => /sales|success/.test(r.role));
    const cost = sales.reduce((s: number, r: any) => s + (r.runMonthlyCost ?? 0), 0);
    return {
      pass: sales.length >= 2 && cost > 0,
      figures: [
        `roles: ${roles.join(", ")}; sales/CS monthly cost ${fmt(cost, 0)}; revenue model ${p.finance?.revenueModel ?? p.finance?.model}`,
      ],
    };
  });

  check("C09", "Internal savings count a recapture share, not every hour saved as cash", () => {
    const ids = all.filter(([, p]) => (lastMonth(p)?.savings ?? 0) > 0).map(([id]) => id);
    const figures = ids.map((id) => {
      const p = get(id);
      const staff = assumption(p, "finance.staffAffected") ?? 0;
      const hours = assumption(p, "finance.hoursSavedPerStaffPerWeek") ?? 0;
      const wage = assumption(p, "finance.loadedHourlyWage") ?? 0;
      const adoption = assumption(p, "finance.adoptionRate") ?? 1;
      const raw = staff * adoption * hours * (52.143 / 12) * wage;
      // Plans whose savings are deflected contacts, not staff hours, have no hours to compare with.
      const share = raw > 0 ? lastMonth(p).savings / raw : 0;
      return { ok: share <= 0.6, line: `${id}: booked ${fmt(share)} of adopted hours × wage` };
    });
    const hr = get("hr-minutes-en");
    const hrHours = assumption(hr, "finance.hoursSavedPerStaffPerWeek");
    const bad = figures.filter((f) => !f.ok);
    return {
      pass: ids.length > 0 && bad.length === 0,
      figures: [
        `${ids.length} savings plans, ${bad.length} book more than 60%`,
        ...bad.slice(0, 3).map((f) => f.line),
        `hr-minutes-en ("20 minutes per question", twice a week): ${fmt(hrHours)} h/person/week booked`,
      ],
    };
  });

  check("C10", "Commercial plans carry unit economics (cost per active user, margin, LTV, CAC, payback)", () => {
    const ids = all.filter(([, p]) => (p.finance?.totalRevenue ?? 0) > 0).map(([id]) => id);
    const missing = ids.filter((id) => {
      const ue = get(id).finance?.unitEconomics;
      return !ue || typeof ue.costPerActiveUserMonth !== "number" || typeof ue.grossMargin !== "number" || typeof ue.ltv !== "number";
    });
    return {
      pass: ids.length > 0 && missing.length === 0,
      figures: [`${ids.length} plans with revenue, ${missing.length} without unit economics`],
    };
  });

  check("C11", "A coding agent's run costs what published runs cost (≥ $0.25 per run)", () => {
    const p = get("coding-agent-en");
    const perRun = (p.compute?.api?.monthlyCostUsd ?? 0) / Math.max(1, p.compute?.monthlyRequests ?? 1);
    return {
      pass: perRun >= 0.25,
      figures: [
        `${fmt(p.compute?.monthlyRequests, 0)} runs a month cost $${fmt(p.compute?.api?.monthlyCostUsd)} → $${fmt(perRun, 4)} per run (Agentless $0.34–0.70, SWE-agent ≈ $1–2)`,
      ],
    };
  });

  check("C12", "Token profiles follow the task: calls, long documents, schema context and agent loops", () => {
    const rows: [string, number, string][] = [
      ["call-centre-en", 4000, "a 30-minute call transcript"],
      ["long-doc-en", 20000, "a 150-page contract"],
      ["tpl:text-to-sql-analytics:en", 2000, "schema context"],
      ["coding-agent-en", 100000, "an agent run (steps × context)"],
    ];
    const figures = rows.map(([id, min, what]) => {
      const tokens = id === "coding-agent-en" ? tokensPerRun(get(id)) : inputTokens(get(id));
      return { ok: tokens >= min, line: `${id}: ${fmt(tokens, 0)} tokens per request (≥ ${fmt(min, 0)} for ${what})` };
    });
    const chat = inputTokens(get("tpl:art-studio-comments:en"));
    return {
      pass: figures.every((f) => f.ok),
      figures: [...figures.map((f) => f.line), `art-studio comment: ${fmt(chat, 0)} input tokens`],
    };
  });

  check("C13", "Non-LLM services are priced: speech-to-text, OCR, a vector database at scale", () => {
    const service = (id: string, kind: RegExp) => (get(id).compute?.services ?? []).find((s: any) => kind.test(s.id))?.monthlyCostUsd ?? 0;
    const stt = service("call-centre-en", /speech|stt|transcri/);
    const ocr = service("extraction-en", /ocr/);
    const vdb = service("docs-100m-en", /vector/);
    return {
      pass: stt > 0 && ocr > 0 && vdb > 0,
      figures: [
        `speech-to-text $${fmt(stt, 0)}/month (call centre)`,
        `OCR $${fmt(ocr, 0)}/month (invoices)`,
        `vector DB $${fmt(vdb, 0)}/month (100M documents)`,
      ],
    };
  });

  check("C14", "Self-hosting sizes the KV cache with grouped-query attention", () => {
    const p = get("onprem-72b-zh");
    const kv = p.compute?.serving?.kvBytesPerToken ?? NaN;
    const size = p.compute?.serving?.paramsB;
    const cli13 = estimateServing({ paramsB: 13, precision: "fp16", contextTokens: 4096, concurrency: 8, gpu: "a100-80g" } as any) as any;
    const okPlan = size >= 65 && kv <= 327_680 * 1.3;
    const ok13 = cli13.kvBytesPerToken <= 196_608 * 1.3;
    return {
      pass: okPlan && ok13,
      figures: [
        `onprem-72b-zh: ${fmt(size)}B served, ${fmt(kv / 1024, 0)} KiB/token (Qwen2.5-72B: 320 KiB)`,
        `estimate serve 13B: ${fmt(cli13.kvBytesPerToken / 1024, 0)} KiB/token (Qwen2.5-14B: 192 KiB; MHA 13B: 800 KB)`,
      ],
    };
  });

  check("C15", "GPU prices are the market's mode, not the top of the range", () => {
    const rows = all
      .filter(([, p]) => selfHosted(p))
      .map(([id, p]) => {
        const gpu = GPUS.gpus.find((g) => g.id === p.compute?.serving?.gpu) as any;
        const price = p.compute?.serving?.pricePerGpuHourUsd ?? NaN;
        const high = gpu?.priceRange?.high ?? NaN;
        return { ok: price < 0.8 * high, line: `${id}: ${p.compute?.serving?.gpu} $${fmt(price)}/h (range top $${fmt(high)})` };
      });
    const bad = rows.filter((r) => !r.ok);
    return {
      pass: rows.length > 0 && bad.length === 0,
      figures: [`${rows.length} self-hosted plans, ${bad.length} priced at ≥ 80% of the range top`, ...bad.slice(0, 3).map((r) => r.line)],
    };
  });

  check("C16", "On premises = purchase, amortisation, power and operations (not a 24/7 rental)", () => {
    const rows = all.filter(([, p]) => p.profile?.deployment?.value === "on_prem");
    const bad = rows.filter(([, p]) => p.compute?.serving?.ownership !== "owned" || !(p.compute?.serving?.purchaseUsd > 0));
    return {
      pass: rows.length > 0 && bad.length === 0,
      figures: [
        `${rows.length} on-prem plans, ${bad.length} priced as a cloud rental`,
        ...bad
          .slice(0, 2)
          .map(
            ([id, p]) =>
              `${id}: $${fmt(p.compute?.serving?.monthlyCostUsd, 0)}/month, ${fmt(p.compute?.serving?.monthlyGpuHours, 0)} GPU-hours rented`,
          ),
      ],
    };
  });

  check("C17", "Chinese companies self-host on GPUs they can buy (H20, L20, 4090, Ascend…)", () => {
    const rows = all.filter(([, p]) => selfHosted(p) && p.currency === "CNY");
    const bad = rows.filter(([, p]) => !CHINA_GPUS.test(p.compute?.serving?.gpu ?? ""));
    return {
      pass: rows.length > 0 && bad.length === 0,
      figures: [
        `${rows.length} CNY self-hosted plans, ${bad.length} on export-controlled GPUs`,
        ...bad.slice(0, 3).map(([id, p]) => `${id}: ${p.compute?.serving?.gpu}`),
      ],
    };
  });

  check("C18", "GPU counts per replica are valid tensor-parallel degrees (1, 2, 4, 8)", () => {
    const tp = new Set([1, 2, 4, 8]);
    const rows = all.filter(([, p]) => selfHosted(p));
    const perReplica = (s: any) => s?.gpusPerReplica ?? s?.gpus;
    const bad = rows.filter(([, p]) => !tp.has(perReplica(p.compute?.serving)));
    // The CLI over common sizes, precisions, contexts and GPUs.
    const sweep: string[] = [];
    for (const paramsB of [7, 13, 14, 32, 33, 65, 70, 72])
      for (const precision of ["fp16", "int8", "int4"])
        for (const [contextTokens, concurrency] of [
          [4096, 1],
          [4096, 8],
          [32768, 16],
        ])
          for (const gpu of ["a100-40g", "a100-80g", "h100-80g", "l40s-48g", "rtx4090-24g"]) {
            const r = estimateServing({ paramsB, precision, contextTokens, concurrency, gpu } as any) as any;
            if (!tp.has(perReplica(r)) && perReplica(r) <= 8)
              sweep.push(`${paramsB}B ${precision} ${contextTokens}×${concurrency} on ${gpu}: ${perReplica(r)}`);
          }
    return {
      pass: bad.length === 0 && sweep.length === 0,
      figures: [
        `${rows.length} self-hosted plans, ${bad.length} with an invalid count`,
        `estimate serve sweep (8 sizes × 3 precisions × 3 loads × 5 GPUs): ${sweep.length} invalid counts${sweep[0] ? `, e.g. ${sweep.slice(0, 3).join("; ")}` : ""}`,
      ],
    };
  });

  check(
    "C19",
    "Fine-tune compute: QLoRA slower than LoRA; Guanaco-65B on one 48 GB GPU in about a day; 7B QLoRA 10k examples in 1–2 h on 24 GB",
    () => {
      const ft = all.filter(([, p]) => (p.compute?.fineTuneOptions ?? []).length > 0);
      const slower = ft.filter(([, p]) => {
        const o = p.compute.fineTuneOptions;
        return o.find((x: any) => x.method === "qlora").gpuHours > o.find((x: any) => x.method === "lora").gpuHours;
      });
      const guanaco = estimateFineTune({
        paramsB: 65,
        method: "qlora",
        examples: 30_000,
        tokensPerExample: 512,
        epochs: 1,
        gpu: "a6000-48g",
        gpus: 1,
      } as any) as any;
      const small = estimateFineTune({
        paramsB: 7,
        method: "qlora",
        examples: 10_000,
        tokensPerExample: 256,
        epochs: 3,
        gpu: "rtx4090-24g",
        gpus: 1,
      } as any) as any;
      const ok =
        slower.length === ft.length &&
        ft.length > 0 &&
        guanaco.fits &&
        guanaco.wallHours >= 12 &&
        guanaco.wallHours <= 48 &&
        small.fits &&
        small.wallHours >= 0.5 &&
        small.wallHours <= 4;
      return {
        pass: ok,
        figures: [
          `${ft.length} fine-tune plans, QLoRA slower than LoRA in ${slower.length}`,
          `Guanaco-65B QLoRA (1,875 steps × 16 × ≤512 tokens) on one A6000 48 GB: ${fmt(guanaco.memoryGbPerGpu, 1)} GB, fits ${guanaco.fits}, ${fmt(guanaco.wallHours, 1)} h (published 24 h)`,
          `7B QLoRA, 10k × 256 tokens × 3 epochs on one RTX 4090: ${fmt(small.memoryGbPerGpu, 1)} GB, ${fmt(small.wallHours, 2)} h (published 1–2 h)`,
        ],
      };
    },
  );

  check("C20", "Tier-1 plans: one or two people, a first version in users' hands within a few weeks", () => {
    const rows = all.filter(([, p]) => p.primaryTier === 1);
    const fte = (p: Plan) => p.team?.averageFte ?? p.team?.headcount;
    // The first version real users touch: the start of the trial when the plan says so, else the launch.
    const first = (p: Plan) => p.timeline?.firstVersionWeek ?? p.timeline?.launchWeek;
    const bad = rows.filter(([, p]) => fte(p) > 2 || first(p) > 6);
    return {
      pass: rows.length > 0 && bad.length === 0,
      figures: [
        `${rows.length} tier-1 plans, ${bad.length} heavier or slower`,
        ...bad
          .slice(0, 3)
          .map(
            ([id, p]) =>
              `${id}: ${fmt(fte(p))} people on average (peak ${p.team?.headcount}), first version week ${fmt(first(p), 1)}, launch week ${fmt(p.timeline?.launchWeek, 1)}`,
          ),
      ],
    };
  });

  check("C21", "Honest rollout: trials scale with internal rollout only; ingestion grows with automation", () => {
    const trial = (p: Plan) => p.timeline?.phases?.find((x: any) => x.id === "internal_trial")?.weeks ?? 0;
    const external = all.filter(([, p]) => p.profile?.market?.value !== "internal");
    const long = external.filter(([, p]) => trial(p) > 4);
    const idle = all.filter(([, p]) => {
      const prep = p.timeline?.phases?.find((x: any) => x.id === "knowledge_prep");
      return (
        prep && (p.profile?.documents?.value ?? 0) === 0 && (prep.roles ?? []).some((r: any) => r.role === "ops_curator" && r.fte >= 1)
      );
    });
    const big = get("docs-100m-en");
    const prep = big.timeline?.phases?.find((x: any) => x.id === "knowledge_prep")?.weeks ?? 0;
    return {
      pass: long.length === 0 && idle.length === 0 && prep <= 26,
      figures: [
        `${long.length} of ${external.length} ToC/ToB plans have an internal trial over 4 weeks${long[0] ? ` (e.g. ${long[0][0]}: ${fmt(trial(long[0][1]), 1)} weeks)` : ""}`,
        `${idle.length} plans staff curators for 0 documents${idle[0] ? ` (e.g. ${idle[0][0]})` : ""}`,
        `100M documents: knowledge preparation ${fmt(prep, 0)} weeks`,
      ],
    };
  });

  check("C22", "Stated constraints (team, weeks, budget) are reported, with the scope that fits", () => {
    const rows: [string, { team: number; weeks: number; budget: number }][] = [
      ["startup-en", { team: 2, weeks: 8, budget: 40_000 }],
      ["startup-zh", { team: 2, weeks: 8, budget: 500_000 }],
    ];
    const figures = rows.map(([id, stated]) => {
      const c = get(id).constraints ?? [];
      const by = (kind: string) => c.find((x: any) => x.kind === kind);
      const ok =
        by("team")?.stated === stated.team &&
        by("weeks")?.stated === stated.weeks &&
        by("budget")?.stated === stated.budget &&
        c.every((x: any) => typeof x.fits === "boolean");
      const planned = `team ${get(id).team?.headcount}, launch week ${fmt(get(id).timeline?.launchWeek, 1)}, one-off ${fmt(get(id).cost?.oneOffTotal, 0)}`;
      return {
        ok,
        line: `${id}: constraints ${JSON.stringify(c.map((x: any) => [x.kind, x.stated, x.planned, x.fits]))}; plan: ${planned}`,
      };
    });
    return { pass: figures.every((f) => f.ok), figures: figures.map((f) => f.line) };
  });

  check("C23", "Average FTE is shown beside peak headcount", () => {
    const bad = all.filter(([, p]) => !(typeof p.team?.averageFte === "number" && p.team.averageFte <= p.team.headcount));
    const ex = get("tpl:art-studio-comments:en").team;
    return {
      pass: bad.length === 0,
      figures: [
        `${bad.length} of ${all.length} plans without an average FTE`,
        `art studio: peak ${ex?.headcount}, average ${fmt(ex?.averageFte)}`,
      ],
    };
  });

  check("C24", "Feedback follows the review design: every reviewed output, each edit, k−1 comparisons per pick", () => {
    const triage = get("triage-zh");
    const outputs = (p: Plan) => p.compute?.monthlyRequests ?? 0;
    const triageOk = triage.feedback?.perMonth >= 0.9 * outputs(triage);
    const art = get("tpl:art-studio-comments:zh");
    const artOk = art.feedback?.perMonth >= 0.5 * outputs(art);
    const logo = get("logo-pick-en");
    const comparisons =
      logo.feedback?.comparisonsPerMonth ?? logo.feedback?.implicitPerMonth * (logo.feedback?.inputs?.comparisonsPerImplicitEvent ?? 1);
    const logoOk = comparisons >= 2.5 * (logo.feedback?.picksPerMonth ?? outputs(logo) * 0.5);
    return {
      pass: triageOk && artOk && logoOk,
      figures: [
        `nurse triage (review always): ${fmt(triage.feedback?.perMonth, 0)} labels/month for ${fmt(outputs(triage), 0)} reviewed outputs`,
        `art studio (teacher edits every comment): ${fmt(art.feedback?.perMonth, 0)} items/month for ${fmt(outputs(art), 0)} comments`,
        `logo pick 1 of 4: ${fmt(comparisons, 0)} comparisons/month for ${fmt(outputs(logo), 0)} requests`,
      ],
    };
  });

  check("C25", "One day count: consumers and citizens count calendar days, staff working days, and the rules agree", () => {
    const days = (p: Plan) => p.feedback?.inputs?.workingDaysPerMonth ?? p.feedback?.inputs?.daysPerMonth;
    const consumer = all.filter(([, p]) => p.profile?.market?.value === "toC");
    const badDays = consumer.filter(([, p]) => days(p) < 28);
    const disagree = all.filter(([, p]) => {
      const rules = buildContext(p.profile).get("monthlyInteractions")?.value as number;
      const est = p.compute?.monthlyRequests ?? 0;
      return Math.abs(rules - est) > 0.02 * Math.max(1, rules);
    });
    return {
      pass: consumer.length > 0 && badDays.length === 0 && disagree.length === 0,
      figures: [
        `${badDays.length} of ${consumer.length} consumer plans count fewer than 28 days a month${badDays[0] ? ` (e.g. ${fmt(days(badDays[0][1]), 0)})` : ""}`,
        `${disagree.length} of ${all.length} plans where the rules' monthly interactions differ from the estimators' requests${disagree[0] ? ` (e.g. ${disagree[0][0]}: ${fmt(buildContext(disagree[0][1].profile).get("monthlyInteractions")?.value, 0)} vs ${fmt(disagree[0][1].compute?.monthlyRequests, 0)})` : ""}`,
      ],
    };
  });

  check("C26", "Expected quality: a published band for the task at the chosen tier, and its projection over feedback rounds", () => {
    const bad = all.filter(([, p]) => {
      const q = p.quality;
      return !(
        q &&
        typeof q.metric === "string" &&
        q.low <= q.high &&
        (q.sources ?? []).length > 0 &&
        (q.rounds ?? q.projection ?? []).length > 1
      );
    });
    const q = get("tpl:text-to-sql-analytics:en").quality;
    return {
      pass: bad.length === 0,
      figures: [
        `${bad.length} of ${all.length} plans without an expected quality`,
        `text-to-SQL: ${q ? `${q.metric} ${fmt(q.low)}–${fmt(q.high)}` : "none"}`,
      ],
    };
  });

  check("C27", "The model follows the task: small for extraction and classification, frontier for agents and expert drafting", () => {
    const model = (id: string) => get(id).compute?.model ?? {};
    const price = (id: string) => get(id).compute?.api?.outputPerMTokUsd ?? NaN;
    const extraction = price("extraction-en");
    const agent = price("coding-agent-en");
    const reason = model("coding-agent-en").reason;
    return {
      pass: extraction * 4 <= agent && typeof reason === "string",
      figures: [
        `extraction: ${get("extraction-en").compute?.api?.model} $${fmt(extraction)}/M output`,
        `coding agent: ${get("coding-agent-en").compute?.api?.model} $${fmt(agent)}/M output; reason ${reason ?? "none"}`,
      ],
    };
  });

  void tiers;
  return results;
}

async function main() {
  const plans = buildPlans();
  const results = runChecks(plans);
  if (process.argv.includes("--json")) {
    console.log(JSON.stringify(results, null, 2));
    return;
  }
  for (const r of results) {
    console.log(`${r.pass ? "PASS" : "FAIL"} ${r.id} ${r.title}`);
    for (const f of r.figures) console.log(`       ${f}`);
  }
  const passed = results.filter((r) => r.pass).length;
  console.log(`\n${passed} of ${results.length} checks hold over ${plans.size} plans.`);
}

if (process.argv[1] && /sanity\.ts$/.test(process.argv[1])) void main();

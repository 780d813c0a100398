// The view model of a saved version, built once per (scenario, version, language, reader, time zone): versions never
// change, so the page, the share page and the chart images of one version share one build.
import type { Locale } from "~/domain/scenario";
import { BoundedCache } from "~/lib/bounded-cache";
import { buildPlanView } from "~/present/view-model/plan-view";
import type { Audience, PlanView } from "~/present/view-model/types";
import type { ScenarioVersion } from "~/models/scenario.server";

const CACHE_MAX = 256;
const cache = new BoundedCache<PlanView>(CACHE_MAX);

export function planViewOf(
  v: Pick<ScenarioVersion, "scenarioId" | "version" | "createdAt" | "plan" | "upgrade">,
  opts: { locale: Locale; audience: Audience; timeZone: string | null; title?: string },
): PlanView {
  // The title is in the key: a rename (metadata, not a version) changes what the view says.
  const key = [v.scenarioId, v.version, opts.locale, opts.audience, opts.timeZone ?? "", opts.title ?? ""].join("\n");
  return (
    cache.get(key) ??
    cache.set(
      key,
      buildPlanView(v.plan, {
        locale: opts.locale,
        audience: opts.audience,
        timeZone: opts.timeZone,
        version: { number: v.version, savedAt: v.createdAt },
        upgrade: v.upgrade,
        ...(opts.title ? { title: opts.title } : {}),
      }),
    )
  );
}

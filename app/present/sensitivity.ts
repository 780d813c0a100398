// The sensitivity rows as the reader should see them: drivers that move the NPV by exactly the same amount (price,
// reach and conversion multiply into one revenue figure, so ±20% on any of them is the same ±20% on revenue) are one
// driver, named after all of them, instead of three identical bars that look like a bug.
import type { DecisionPlan } from "~/domain/plan-types";
import { assumptionLabel } from "~/i18n/assumption-labels";
import type { Translate } from "~/i18n/translate";

export interface SensitivityGroup {
  keys: string[];
  label: string;
  npvLow: number;
  npvHigh: number;
  breakEvenLow: number | null;
  breakEvenHigh: number | null;
  effect: number;
  /** The base value when the group is one driver (a merged group has no single base). */
  base: number | null;
}

const same = (a: number, b: number) => Math.abs(a - b) <= Math.max(0.5, Math.abs(a) * 1e-9);

export function sensitivityGroups(plan: DecisionPlan, t: Translate): SensitivityGroup[] {
  const groups: (SensitivityGroup & { labels: string[] })[] = [];
  for (const row of plan.finance.sensitivity) {
    const label = assumptionLabel(row.key, t.locale);
    const twin = groups.find(
      (g) =>
        same(g.npvLow, row.npvLow) &&
        same(g.npvHigh, row.npvHigh) &&
        g.breakEvenLow === row.breakEvenLow &&
        g.breakEvenHigh === row.breakEvenHigh,
    );
    if (twin) {
      twin.keys.push(row.key);
      twin.labels.push(label);
      twin.base = null;
      continue;
    }
    groups.push({
      keys: [row.key],
      labels: [label],
      label,
      npvLow: row.npvLow,
      npvHigh: row.npvHigh,
      breakEvenLow: row.breakEvenLow,
      breakEvenHigh: row.breakEvenHigh,
      effect: row.effect,
      base: row.base,
    });
  }
  return groups
    .map(({ labels, ...g }) => ({ ...g, label: labels.length > 1 ? t("sensitivity.together", { list: labels.join(" × ") }) : labels[0] }))
    .sort((a, b) => b.effect - a.effect);
}

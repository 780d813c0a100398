// data/signals.json: what raises the stakes (stake drivers), what lowers risk (safeguards), the flags the technique
// ladder reads (public-facing, grounded answers, record lookups…) and non-financial kinds of value, each with its
// zh/en words and its source.
import raw from "../../../data/signals.json";
import { REGULATIONS } from "~/domain/kb/regulations";
import { loadOrThrow, SIGNAL_FLAGS, SignalsFileSchema, type SignalsFile } from "~/domain/kb/schemas";
import type { LocalizedText } from "~/domain/text";

export const SIGNALS: SignalsFile = loadOrThrow(SignalsFileSchema, raw, "data/signals.json");

export const STAKE_DRIVER_IDS: readonly string[] = SIGNALS.stakeDrivers.map((d) => d.id);
export const SAFEGUARD_IDS: readonly string[] = SIGNALS.safeguards.map((s) => s.id);
export const VALUE_KIND_IDS: readonly string[] = ["financial", ...SIGNALS.valueKinds.map((v) => v.id)];

/** Labels of the judgment facts of the profile (issue 9), for the views: spread beside the other profile labels. */
export const JUDGMENT_FACT_LABELS: Record<string, LocalizedText> = {
  ...Object.fromEntries(SIGNAL_FLAGS.map((f) => [f, SIGNALS.flags[f].label])),
  ...SIGNALS.labels.facts,
};

const byId = (list: { id: string; label: LocalizedText }[]) => Object.fromEntries(list.map((x) => [x.id, x.label]));

/** Labels of the values of the list and enum judgment facts (ids → words), for the views. */
export const JUDGMENT_VALUE_LABELS: Record<string, Record<string, LocalizedText>> = {
  stakeDrivers: byId(SIGNALS.stakeDrivers),
  safeguards: byId(SIGNALS.safeguards),
  valueKind: { financial: SIGNALS.labels.financial, ...byId(SIGNALS.valueKinds) },
  regulatedUses: byId(REGULATIONS.uses),
  jurisdictions: byId(REGULATIONS.jurisdictions),
  clearances: byId(REGULATIONS.clearances),
};

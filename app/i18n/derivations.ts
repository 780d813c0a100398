// Words for the figures the estimators compute and explain with a code and parameters (a stated figure converted,
// a week count scaled by the rollout, the reason for a deployment or a model choice). One function per shape.
import type { Locale } from "~/domain/scenario";
import { pick, type LocalizedText } from "~/domain/text";
import { businessNoteText } from "~/i18n/assumption-labels";
import { gpuName } from "~/i18n/gpu-names";
import { translator, type LabelKind, type Translate } from "~/i18n/translate";
import { formatNumber as fmtNumber, formatPercent } from "~/present/format";

const formatNumber = (v: number, locale: Locale) => fmtNumber(v, locale, 2);

/** What the domain emits to explain a derived figure: a code and the numbers and words it was derived from. */
export interface Derivation {
  code: string;
  params?: Record<string, string | number>;
}

/** Parameters that are shares (shown as %), and parameters whose value is a vocabulary id with its own label. */
const PERCENT_PARAMS = new Set(["churn", "conversion", "share"]);
const LABEL_PARAMS: Record<string, LabelKind> = { task: "task" };

function paramText(name: string, value: string | number, t: Translate): string {
  if (typeof value === "number") return PERCENT_PARAMS.has(name) ? formatPercent(value, t.locale, 1) : formatNumber(value, t.locale);
  if (LABEL_PARAMS[name]) return t.label(LABEL_PARAMS[name], value);
  if (name === "gpu") return gpuName(value);
  const key = `derivationParam.${name}.${value}`;
  return t.has(key) ? t(key) : value;
}

/** The terms of a request's input tokens that are there (a prompt, a document's pages, retrieved chunks, a transcript). */
function workloadParts(p: Record<string, string | number>, t: Translate): string {
  const n = (k: string) => (typeof p[k] === "number" ? (p[k] as number) : 0);
  const parts = [t("derivation.workload.part.base", { n: formatNumber(n("base"), t.locale) })];
  if (n("document") > 0)
    parts.push(
      t("derivation.workload.part.document", { n: formatNumber(n("document"), t.locale), pages: formatNumber(n("pages"), t.locale) }),
    );
  if (n("chunks") > 0) parts.push(t("derivation.workload.part.chunks", { n: formatNumber(n("chunks"), t.locale) }));
  if (n("transcript") > 0)
    parts.push(
      t("derivation.workload.part.transcript", {
        n: formatNumber(n("transcript"), t.locale),
        minutes: formatNumber(n("minutes"), t.locale),
      }),
    );
  const sum = parts.join(" + ");
  return n("steps") > 1 ? `(${sum}) ${t("derivation.workload.part.steps", { steps: formatNumber(n("steps"), t.locale) })}` : sum;
}

/** The derivation in words; the code itself when the catalogue has no words for it (a plan from a newer engine). */
export function derivationText(d: Derivation, locale: Locale): string {
  const t = translator(locale);
  const key = `derivation.${d.code}`;
  if (!t.has(key)) return d.code;
  const raw = d.params ?? {};
  const params: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(raw)) params[k] = paramText(k, v, t);
  if (d.code === "workload.profile" || d.code === "workload.input_tokens") params.parts = workloadParts(raw, t);
  let text = t(key, params);
  if (d.code === "finance.stated") {
    const extra = [
      raw.from ? t("derivation.finance.stated.from", { from: String(raw.from) }) : undefined,
      businessNoteText(typeof raw.note === "string" ? raw.note : undefined, locale),
    ].filter(Boolean);
    if (extra.length) text += locale === "zh" ? `（${extra.join("；")}）` : ` (${extra.join("; ")})`;
  }
  return text;
}

/** Where an assumption's value came from, in words: its derivation, else its citation (a source in the knowledge base). */
export function assumptionSourceText(a: { derivation?: Derivation; citation?: string }, locale: Locale): string {
  if (a.derivation) return derivationText(a.derivation, locale);
  return a.citation ?? "";
}

/** A reason the domain gives as a derivation, or (plans stored before the codes) in both languages. */
export function reasonText(reason: Derivation | LocalizedText | undefined, locale: Locale): string {
  if (!reason) return "";
  if ("code" in reason) return derivationText(reason, locale);
  return pick(reason, locale);
}

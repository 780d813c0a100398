// The one presentation model of a plan: what the web page, the share page, the PDF and the Markdown memo show, in one
// language, every figure already formatted. Renderers lay it out; none of them decides what to show or computes a
// figure. Plain data (no functions), so it travels as loader data and into a PDF worker unchanged.
import type { ChartId, ChartSpec } from "~/present/charts/spec";
import type { Currency, Locale } from "~/domain/scenario";

/** Who reads: the owner's working page shows the engine's workings (points, keys, the editor); readers do not. */
export type Audience = "owner" | "reader";

export type Tone = "good" | "warn" | "bad" | "neutral";

/** An assumption a headline figure rests on that nobody stated: the reader should know, and can change it. */
export interface AssumedRef {
  key: string;
  /** "付费转化率 3%（默认）" */
  text: string;
}

export interface KeyFigure {
  id: string;
  label: string;
  value: string;
  /** A second line: a range, a probability, what the figure includes. */
  detail?: string;
  tone?: Tone;
  /** Unstated figures this one rests on, weightiest first. */
  assumed?: AssumedRef[];
}

/**
 * A source quoted as published. `original` is set when it is not (wholly) in the page's language: "whole" when it is
 * all in the other language, "part" when it mixes both. The views label it and mark its other-language words.
 */
export interface SourceText {
  text: string;
  original?: "whole" | "part";
}

/** A table cell: plain text, or text with a source badge and a quieter second line (a source when `subSource`). */
export type Cell =
  string | { text: string; badge?: { kind: string; label: string }; sub?: string; subSource?: SourceText; lang?: string; href?: string };

export interface TableBlock {
  kind: "table";
  columns: string[];
  rows: Cell[][];
  /** Columns holding figures (right-aligned). */
  numeric?: boolean[];
  /** Relative column widths for the PDF ("*" shares the rest). */
  widths?: (number | "*" | "auto")[];
  caption?: string;
  testId?: string;
}

export interface ReasonItem {
  kind: "gate" | "positive" | "negative";
  kindLabel: string;
  text: string;
  /** "+20" / "−5": owner view only. */
  points?: string;
  source?: string;
  /** "Assumed (not stated): Human review = sampled (default)". */
  assumed?: string;
}

export interface AssumptionItem {
  key: string;
  label: string;
  /** The value as shown ("3%", "¥35,000"), and as the editor's field holds it ("3%", "35000"). */
  display: string;
  field: string;
  /** What the field's number means: drives the unit shown inside the field and how typed text is read. */
  unit: UnitKind;
  /** Unit words shown inside the field ("¥/月", "周"), in the page's language. */
  prefix?: string;
  suffix?: string;
  editable: boolean;
  source: string;
  sourceLabel: string;
  /** Where the value came from: a derivation in the page's language, or a citation as written in the knowledge base. */
  note?: string;
  /** The citation as a source (labelled when it is not in the page's language); absent for a derivation. */
  noteSource?: SourceText;
  /** The note's number in the list of sources ("[12]"), for the PDF and Markdown tables. */
  ref?: string;
  range?: string;
  overridden: boolean;
  /** Nobody stated it: a default or a knowledge-base figure standing in for a fact about this business. */
  assumed: boolean;
  /** Rank among the drivers that move the money most (1 = most), when it is one. */
  driverRank?: number;
}

export interface AssumptionGroupView {
  id: "drivers" | "usage" | "money" | "team" | "timeline" | "data" | "compute" | "advanced";
  title: string;
  items: AssumptionItem[];
  /** Open by default (the key drivers, and any group holding an error is opened by the page). */
  open: boolean;
}

/** How an assumption's number reads: it picks the unit inside the field and the parser of what people type. */
export type UnitKind =
  | { kind: "money"; currency: Currency; per?: string }
  | { kind: "fraction"; per?: string }
  | { kind: "count"; unit?: string }
  | { kind: "plain"; unit?: string };

export interface FactRow {
  key: string;
  label: string;
  value: string;
  source: string;
  sourceLabel: string;
  evidence: string[];
  note?: string;
}

export type Block =
  | { kind: "paragraph"; text: string; ai?: boolean }
  | { kind: "bullets"; items: string[]; ai?: boolean }
  | { kind: "subheading"; text: string }
  | { kind: "figures"; figures: KeyFigure[] }
  | { kind: "chart"; chartId: ChartId }
  | { kind: "notice"; text: string; tone?: Tone; testId?: string }
  | { kind: "reasons"; items: ReasonItem[] }
  | { kind: "assumptions"; groups: AssumptionGroupView[] }
  | { kind: "facts"; rows: FactRow[] }
  /** The numbered list of every source cited ("[n]" refers to the n-th). */
  | { kind: "sources"; items: SourceText[] }
  | TableBlock;

export type SectionId = "q1" | "q2" | "q3" | "q4" | "q5" | "q6" | "risks" | "assumptions" | "profile" | "methodology";

export interface Section {
  id: SectionId;
  heading: string;
  /** Short TOC label. */
  short: string;
  blocks: Block[];
  /** Supporting detail: after the six questions, and after the brief in the PDF. */
  appendix: boolean;
}

export interface BriefRisk {
  text: string;
  severity: "low" | "medium" | "high";
  severityLabel: string;
  mitigation: string;
}

/** An inferred fact the answer depends on: the reader confirms it or corrects it in place. */
export interface ConfirmView {
  key: string;
  label: string;
  value: string;
  sourceLabel: string;
  /** The words of the description it was read from. */
  quotes: string[];
  /** What changes if it is wrong ("verdict", "cost"), in words. */
  affects: string[];
  /** What the plan would say with the plausible other value the engine tried ("If it is “no review”: Pilot first"). */
  ifOther?: string;
  /** The input field that sets it, and how the editor offers it (a number, or one of the choices). */
  edit?: { field: string; current: string; options?: { value: string; label: string }[]; unit?: UnitKind; suffix?: string };
}

/** A use that regulation forbids or gates where the product is offered: what applies, what it requires, the rule. */
export interface RegulationView {
  text: string;
  requirement: string;
  /** The rule cited, as a numbered source ("[4]"). */
  source: string;
  /** The best verdict it allows, in words, when it caps the verdict. */
  cap?: string;
}

export interface ConstraintView {
  kind: string;
  label: string;
  stated: string;
  planned: string;
  fits: boolean;
}

/** The bottom line: what the first screen, the share page's top and PDF pages 1–2 hold. */
export interface Brief {
  verdict: { id: string; label: string; tone: Tone };
  grade: string;
  score: string;
  tier: string;
  /** One sentence that answers the question. */
  answer: string;
  /** One-off budget, monthly run cost, people, weeks to a first version. */
  ask: KeyFigure[];
  /** Break-even with its range, the chance to break even, the NPV with its range. */
  money: KeyFigure[];
  /** What the plan can reach (quality band), when the plan states it. */
  quality?: KeyFigure;
  risks: BriefRisk[];
  /** The assumptions the answer depends on most: what must be true for it to hold. */
  mustBeTrue: string[];
  nextStep: { text: string; gate?: string };
  confirm: ConfirmView[];
  constraints: ConstraintView[];
  /** Regulations that forbid or gate this use: shown above everything else when there are any. */
  regulations: RegulationView[];
  /** Charts the brief carries (the PDF does not repeat them in the appendix). */
  charts: ChartId[];
}

/** Version and date of what is shown: on every page of the PDF and at the top of every view. */
export interface Stamp {
  version: number | null;
  /** ISO time the version was saved (null for an unsaved plan, e.g. the CLI). */
  savedAt: string | null;
  /** "v2 · 30 Nov 2026, 21:05 (UTC+8)". */
  text: string;
}

export interface PlanView {
  locale: Locale;
  lang: "zh-CN" | "en";
  currency: Currency;
  audience: Audience;
  title: string;
  stamp: Stamp;
  /** Set when the stored plan was written by an older engine and recomputed for this view. */
  upgradeNotice?: string;
  brief: Brief;
  sections: Section[];
  charts: Record<ChartId, ChartSpec>;
  /** Every source cited, numbered in order of first citation ("[3]"). */
  sources: SourceText[];
  meta: { subject: string; author: string; keywords: string; product: string; docKind: string };
  /** Engine, knowledge base and LLM used, in words. */
  provenance: string;
}

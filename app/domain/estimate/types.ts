// Contract-level shapes of the estimates. The estimator modules own this file and may add fields; never rename.
import type { LocalizedText } from "~/domain/text";

export interface TeamRole {
  role: string;
  label: LocalizedText;
  count: number;
}
export interface Team {
  roles: TeamRole[];
  headcount: number;
}

export interface TimelinePhase {
  id: string;
  name: string;
  nameText: LocalizedText;
  startWeek: number;
  weeks: number;
  dependsOn: string[];
}
export interface Timeline {
  phases: TimelinePhase[];
  totalWeeks: number;
}

export interface FeedbackPlan {
  perMonth: number;
}

export interface Finance {
  currency: "CNY" | "USD";
  breakEvenMonth: number | null;
}

export interface Assumption {
  key: string;
  value: number | string | boolean;
  unit?: string;
  label?: LocalizedText;
  source: "user" | "profile" | "kb" | "default" | "heuristic" | "llm";
  citation?: string;
  range?: { low: number; mode: number; high: number };
}

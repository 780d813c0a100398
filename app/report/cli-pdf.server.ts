// PLACEHOLDER (being replaced by the PDF renderer).
import type { DecisionPlan } from "~/domain/plan-types";
import type { Locale } from "~/domain/scenario";

export async function writePlanPdfs(_plans: DecisionPlan[], _out: string, _locale?: Locale): Promise<string[]> {
  throw new Error("PDF export is not available yet");
}

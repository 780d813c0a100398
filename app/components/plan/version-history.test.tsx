import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ChangeTable } from "~/components/plan/version-history";
import { buildPlan } from "~/domain/plan";
import { parseScenarioInput } from "~/domain/scenario";
import { HUMAN_REVIEW_LABELS } from "~/i18n/enums";
import { MESSAGES, translator } from "~/i18n/messages";
import type { Change } from "~/lib/diff";

const parsed = parseScenarioInput({ description: "Support reply drafts for our 200 agents; an agent edits each draft before it is sent." });
if (!parsed.ok) throw new Error("fixture does not parse");
const plan = buildPlan(parsed.value);
const assumption = plan.assumptions.find((a) => a.label)!;
const changes: Change[] = [
  { path: "humanReview", before: "sampled", after: "always" },
  { path: "usage.users", before: "200", after: "500" },
  { path: `assumptions.${assumption.key}`, before: null, after: "42" },
];

const text = (html: string) => html.replace(/<[^>]+>/g, " ");

describe("the version diff table", () => {
  it.each(["zh", "en"] as const)("shows labels in the page language, not enum ids or input paths (%s)", (locale) => {
    const html = renderToStaticMarkup(<ChangeTable changes={changes} plan={plan} t={translator(locale)} locale={locale} />);
    const shown = text(html);
    expect(shown).toContain(MESSAGES[locale]["form.field.humanReview"]);
    expect(shown).toContain(HUMAN_REVIEW_LABELS.sampled[locale]);
    expect(shown).toContain(HUMAN_REVIEW_LABELS.always[locale]);
    expect(shown).toContain(MESSAGES[locale]["form.field.users"]);
    expect(shown).toContain(assumption.label![locale]);
    // Numbers stay as written; an assumption keeps its key beside its label, as in the assumptions table.
    expect(shown).toContain("500");
    expect(shown).toContain(assumption.key);
    expect(shown).not.toMatch(/\bsampled\b|\balways\b|usage\.users|humanReview/);
    // The raw path is still on the row for scripts and tooltips.
    expect(html).toContain('data-path="usage.users"');
  });
});

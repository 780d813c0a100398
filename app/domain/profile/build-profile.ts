// PLACEHOLDER (being replaced by the heuristic profile builder): user values or defaults only.
import type { ScenarioInput } from "~/domain/scenario";
import type { Fact, Profile } from "~/domain/profile/types";

function fact<T>(user: T | undefined, fallback: T): Fact<T> {
  return user === undefined ? { value: fallback, source: "default" } : { value: user, source: "user" };
}

export function buildProfile(input: ScenarioInput): Profile {
  return {
    locale: fact(input.locale, /[\u4e00-\u9fff]/.test(input.description) ? "zh" : "en"),
    industry: fact(input.industry, "other"),
    market: fact(input.market, "internal"),
    tasks: fact(input.tasks, ["generation"]),
    knowledge: fact(input.knowledge, ["general"]),
    stakes: fact(input.stakes, "medium"),
    humanReview: fact(input.humanReview, "sampled"),
    deployment: fact(input.deployment, "cloud_api"),
    replacesSystemOfRecord: fact(input.replacesSystemOfRecord, false),
    labeledExamples: fact(input.data?.labeledExamples, 0),
    documents: fact(input.data?.documents, 0),
    chatLogs: fact(input.data?.chatLogs, 0),
    preferencePairs: fact(input.data?.preferencePairs, 0),
    users: fact(input.usage?.users, 50),
    interactionsPerUserPerDay: fact(input.usage?.interactionsPerUserPerDay, 5),
    feedbackMode: fact(undefined, "none"),
    houseStyle: fact(undefined, false),
    personalData: fact(undefined, false),
  };
}

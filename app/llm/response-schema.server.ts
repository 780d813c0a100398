import { z } from "zod";
import { FEEDBACK_MODES } from "~/domain/llm/proposal";
import { DEPLOYMENTS, HUMAN_REVIEW, INDUSTRIES, KNOWLEDGE, MARKETS, STAKES, TASKS } from "~/domain/scenario";

// The shape the model is asked to fill (sent as a JSON schema in `json_schema` mode and described in the prompt in
// `json_object` mode). OpenAI's strict mode wants every key present, so "not stated" is `null`, not a missing key.
// Bounds (non-negative, whole numbers, lengths) are left to the domain's proposal schema, which validates the answer
// whatever the provider: some servers reject schemas with `minimum`/`maxItems`, and all of them can be wrong.

// A fresh quotes schema per fact: a shared one becomes a `$ref`, which some local servers' grammars do not follow.
const quotes = () => z.array(z.string()).describe("exact words copied from the description that support the value");
const fact = <T extends z.ZodTypeAny>(value: T, what: string) =>
  z.object({ value, quotes: quotes() }).nullable().describe(`${what}; null when the description does not say`);

export const ResponseSchema = z.object({
  facts: z.object({
    industry: fact(z.enum(INDUSTRIES), "the industry"),
    market: fact(z.enum(MARKETS), "who pays: consumers (toC), businesses (toB) or the company itself (internal)"),
    tasks: fact(z.array(z.enum(TASKS)), "what the model must do"),
    knowledge: fact(z.array(z.enum(KNOWLEDGE)), "the knowledge the answers need"),
    stakes: fact(z.enum(STAKES), "the cost of a wrong answer"),
    humanReview: fact(z.enum(HUMAN_REVIEW), "whether a person checks outputs before they take effect"),
    deployment: fact(z.enum(DEPLOYMENTS), "where the model may run given the data"),
    replacesSystemOfRecord: fact(z.boolean(), "the model would replace a system of record rather than assist people"),
    labeledExamples: fact(z.number(), "count of labelled input/output examples on hand"),
    documents: fact(z.number(), "count of documents on hand"),
    chatLogs: fact(z.number(), "count of chat or conversation records on hand"),
    preferencePairs: fact(z.number(), "count of preference comparisons on hand"),
    users: fact(z.number(), "number of people who will use it"),
    interactionsPerUserPerDay: fact(z.number(), "uses per person per day"),
    feedbackMode: fact(z.enum(FEEDBACK_MODES), "how users give feedback the team can learn from"),
    houseStyle: fact(z.boolean(), "outputs must keep a house voice or format"),
    personalData: fact(z.boolean(), "personal or sensitive data flows through the system"),
  }),
  risks: z.array(z.string()).describe("risks of this scenario, one sentence each"),
  narrative: z.array(z.string()).describe("two to four short paragraphs describing the scenario for a decision memo"),
});

export type ResponseShape = z.infer<typeof ResponseSchema>;
export const RESPONSE_SCHEMA_NAME = "tierwise_profile_proposal";

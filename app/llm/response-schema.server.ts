import { z } from "zod";
import { JURISDICTION_IDS, REGULATED_USE_IDS } from "~/domain/kb/regulations";
import { SAFEGUARD_IDS, STAKE_DRIVER_IDS, VALUE_KIND_IDS } from "~/domain/kb/signals";
import { FEEDBACK_MODES } from "~/domain/llm/proposal";
import { DEPLOYMENTS, HUMAN_REVIEW, INDUSTRIES, KNOWLEDGE, MARKETS, REVENUE_MODELS, STAKES, TASKS } from "~/domain/scenario";

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
    // Business figures for the finance model (money as a number in the currency the quoted words name).
    revenueModel: fact(
      z.enum(REVENUE_MODELS),
      "how it makes or saves money: subscription, seats, contract, usage (pay per use), savings, or none (free, no revenue)",
    ),
    pricePerUserMonth: fact(z.number(), "price per user or seat per month"),
    contractValuePerYear: fact(z.number(), "yearly contract value per customer"),
    targetCustomers: fact(z.number(), "number of business customers targeted"),
    staffAffected: fact(z.number(), "staff whose work it saves"),
    hoursSavedPerStaffPerWeek: fact(z.number(), "hours saved per person per week"),
    minutesSavedPerUse: fact(z.number(), "minutes saved by one use (one question answered, one draft written)"),
    loadedHourlyWage: fact(z.number(), "loaded hourly cost of the staff"),
    adoptionRate: fact(z.number(), "share of staff who will use it (0-1)"),
    conversionRate: fact(z.number(), "share of people reached who pay (0-1)"),
    monthlyChurnRate: fact(z.number(), "share of paying users lost per month (0-1)"),
    salesCycleMonths: fact(z.number(), "months from first contact to a signed customer"),
    acquisitionCostPerCustomer: fact(z.number(), "cost to acquire one paying customer (CAC)"),
    channelFeeShare: fact(z.number(), "share of each payment kept by app stores, platforms or payment processors (0-1)"),
    marketSize: fact(z.number(), "people or companies who could buy at all (addressable market)"),
    payingCustomers: fact(z.number(), "paying users or customers stated, today or as a target"),
    monthlyReach: fact(z.number(), "new people reached per month"),
    seatsPerCustomer: fact(z.number(), "seats or accounts per business customer"),
    pricePerUse: fact(z.number(), "price charged per use (per call, document, report)"),
    deflectionRate: fact(z.number(), "share of contacts resolved with no human agent (0-1)"),
    costPerContact: fact(z.number(), "cost of one contact handled by a person"),
    constraintTeamSize: fact(z.number(), "people the team has to build it"),
    constraintWeeks: fact(z.number(), "weeks until the first version must be in users' hands"),
    constraintBudget: fact(z.number(), "one-off budget for building it"),
    publicFacing: fact(z.boolean(), "the output reaches the public or customers directly, not only staff"),
    stakeDrivers: fact(z.array(z.enum(STAKE_DRIVER_IDS as [string, ...string[]])), "what raises the cost of a wrong answer"),
    safeguards: fact(z.array(z.enum(SAFEGUARD_IDS as [string, ...string[]])), "safeguards the description states"),
    unmonitored: fact(z.boolean(), "the description says no one will monitor the running system"),
    groundedAnswers: fact(
      z.boolean(),
      "answers must be grounded in, cite or stay faithful to a corpus (statutes, case law, policies, web pages)",
    ),
    recordLookup: fact(z.boolean(), "the system looks up one customer's own records (an order, an account, a booking)"),
    analytics: fact(z.boolean(), "questions are analytics over tables (metrics, trends, reports)"),
    preferenceSignal: fact(z.boolean(), "people choose between candidate outputs (pick one of several)"),
    collectionPlanned: fact(z.boolean(), "the team plans to collect or label examples"),
    lowerTierFailed: fact(z.boolean(), "the description says prompting or retrieval was tried and missed the bar"),
    skillGap: fact(z.boolean(), "a skill base models lack (a dialect, a low-resource language, a proprietary format)"),
    pretraining: fact(z.boolean(), "the plan is to pretrain a model from scratch"),
    regulatedUses: fact(z.array(z.enum(REGULATED_USE_IDS as [string, ...string[]])), "uses that regulation forbids or gates"),
    jurisdictions: fact(z.array(z.enum(JURISDICTION_IDS as [string, ...string[]])), "where the product is offered"),
    valueKind: fact(z.enum(VALUE_KIND_IDS as [string, ...string[]]), "whether the value is financial or non-financial"),
  }),
  risks: z.array(z.string()).describe("risks of this scenario, one sentence each"),
  narrative: z.array(z.string()).describe("two to four short paragraphs describing the scenario for a decision memo"),
});

export type ResponseShape = z.infer<typeof ResponseSchema>;
export const RESPONSE_SCHEMA_NAME = "tierwise_profile_proposal";

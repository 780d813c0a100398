import { z } from "zod";
import pricesJson from "#data/llm-prices.json";

const PriceTableSchema = z.object({
  version: z.string(),
  currency: z.literal("USD"),
  models: z.array(
    z.object({
      model: z.string().min(1),
      inputPerMTokens: z.number().nonnegative(),
      outputPerMTokens: z.number().nonnegative(),
      asOf: z.string(),
      source: z.string().min(1),
    }),
  ),
});

export const PRICE_TABLE = PriceTableSchema.parse(pricesJson);
export type ModelPrice = (typeof PRICE_TABLE.models)[number];

/** Exact name first, then the longest listed prefix ("gpt-4o-mini-2024-07-18" is priced as gpt-4o-mini). */
export function findPrice(model: string): ModelPrice | undefined {
  const name = model.toLowerCase();
  return (
    PRICE_TABLE.models.find((p) => p.model === name) ??
    [...PRICE_TABLE.models].sort((a, b) => b.model.length - a.model.length).find((p) => name.startsWith(p.model + "-"))
  );
}

/** Estimated USD for one call, rounded to a millionth of a dollar; null when the model is not in the table. */
export function estimateCostUsd(model: string, usage: { promptTokens: number; completionTokens: number }): number | null {
  const price = findPrice(model);
  if (!price) return null;
  const usd = (usage.promptTokens * price.inputPerMTokens + usage.completionTokens * price.outputPerMTokens) / 1_000_000;
  return Math.round(usd * 1e6) / 1e6;
}

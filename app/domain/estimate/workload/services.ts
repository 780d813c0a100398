// Non-LLM services the workload needs (data/services.json): speech-to-text per audio minute, OCR per scanned page,
// embeddings to index the corpus once and a vector database that grows with it.
import { kb, type Entry } from "~/domain/estimate/assumptions/book";
import type { EstimateContext } from "~/domain/estimate/context";
import { SERVICES } from "~/domain/estimate/kb";
import { roundMoney } from "~/domain/estimate/money";
import type { ServiceCost } from "~/domain/estimate/types";
import { convert, fromUsd } from "~/domain/estimate/units";

const GB = 1e9;

function usdEntry(ctx: EstimateContext, perMinute: { perMinute: number; date: string; source: string }, currency: "USD" | "CNY"): Entry {
  const usd = convert({ currency: "USD", fx: ctx.fx }, perMinute.perMinute, currency);
  return { value: Math.round(usd * 1e6) / 1e6, source: "kb", citation: `${perMinute.source} (${perMinute.date})` };
}

/**
 * The services for a month of `requests` uses, plus the one-off embedding of the corpus. `live` speech is transcribed
 * while the call runs (streaming price); recorded audio at the batch price.
 */
export function planServices(
  ctx: EstimateContext,
  args: { requests: number; documents: number; tokensPerDocument: number; ragQueries: number },
): ServiceCost[] {
  const { book, profile } = ctx;
  const out: ServiceCost[] = [];
  const add = (s: Omit<ServiceCost, "monthlyCost">) =>
    out.push({
      ...s,
      monthlyCostUsd: roundMoney(s.monthlyCostUsd),
      monthlyCost: roundMoney(fromUsd(ctx, s.monthlyCostUsd)),
      oneOffUsd: roundMoney(s.oneOffUsd),
    });

  const minutes = book.value("usage.audioMinutesPerUse") ?? 0;
  if (profile.audioInput?.value && minutes > 0) {
    const live = /live|real[- ]?time|during|实时|通话中/iu.test(ctx.input.description);
    const price = SERVICES.speechToText[live ? "live" : "batch"][ctx.currency];
    const perMinute = book.get("services.speechToTextPerMinuteUsd", usdEntry(ctx, price, ctx.currency));
    const quantity = args.requests * minutes;
    add({
      id: "speech_to_text",
      unit: "audio minutes",
      quantityPerMonth: Math.round(quantity),
      monthlyCostUsd: quantity * perMinute,
      oneOffUsd: 0,
      citation: price.source,
    });
  }

  const pages = book.value("usage.pagesPerUse") ?? 1;
  if (profile.scannedInput?.value) {
    const ocr = SERVICES.ocr[profile.tasks.value.includes("extraction") ? "layout" : "read"];
    const per1000 = book.get("services.ocrPer1000PagesUsd", kb({ value: ocr.usdPer1000Pages, source: `${ocr.source} (${ocr.date})` }));
    const quantity = args.requests * pages;
    add({
      id: "ocr",
      unit: "pages",
      quantityPerMonth: Math.round(quantity),
      monthlyCostUsd: (quantity / 1000) * per1000,
      oneOffUsd: 0,
      citation: ocr.source,
    });
  }

  if (ctx.rag && args.documents > 0) {
    const v = SERVICES.vectorDb;
    const chunks = args.documents * Math.max(1, Math.ceil(args.tokensPerDocument / v.chunkTokens));
    const gb = (chunks * v.bytesPerVector) / GB;
    const readUnits = args.ragQueries * Math.max(v.minReadUnitsPerQuery, gb * v.readUnitsPerQueryPerGb);
    const minimum = book.get("services.vectorDbMonthlyMinimumUsd", kb({ value: v.monthlyMinimumUsd, source: `${v.source} (${v.date})` }));
    const usage = gb * v.storageUsdPerGbMonth + (readUnits / 1e6) * v.readUnitUsdPerMillion;
    add({
      id: "vector_db",
      unit: "vectors",
      quantityPerMonth: Math.round(chunks),
      monthlyCostUsd: Math.max(minimum, usage),
      oneOffUsd: 0,
      citation: v.source,
    });
    const e = SERVICES.embeddings;
    const perMTok = book.get("services.embeddingPerMTokUsd", kb({ value: e.usdPerMTok, source: `${e.source} (${e.date})` }));
    const tokens = args.documents * args.tokensPerDocument;
    add({
      id: "embeddings",
      unit: "tokens (once)",
      quantityPerMonth: 0,
      monthlyCostUsd: 0,
      oneOffUsd: (tokens / 1e6) * perMTok + (chunks / 1e6) * v.writeUnitUsdPerMillion,
      citation: e.source,
    });
  }
  return out;
}

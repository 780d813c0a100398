// Human feedback from how people treat the outputs: every output a person reviews is a label (accept, edit or reject)
// when review is `always`, the sample when `sampled`; an edited output is a supervised (draft → final) pair; a pick of
// one of k candidates is k − 1 comparisons (the seed's Midjourney example); outputs nobody reviews get an occasional
// thumbs up/down. Volumes count the same days of use as the load (calendar days for consumers, working days for staff).
import { kb } from "~/domain/estimate/assumptions/book";
import type { EstimateContext } from "~/domain/estimate/context";
import type { DataVolumes } from "~/domain/estimate/data";
import { EST } from "~/domain/estimate/kb";
import type { FeedbackPlan, ReviewDesign } from "~/domain/estimate/types";
import type { Load } from "~/domain/estimate/workload/load";

const F = EST.feedback;

/** The product shows several candidates and the user picks one ("4 candidate logos … picks one", "四选一"). */
const PICK =
  /(\d+|two|three|four|five|six|两|三|四|五|六)\s*(?:candidate|option|variant|version|image|draft|logo|suggestion|个|张|条|种|版)[^.。;；]{0,40}?(?:pick|choose|select|选)|(?:pick|choose|select)s?\s+(?:one|1)\s+of\s+(\d+)|([二两三四五六])选一/iu;
const WORD_NUMBERS: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, six: 6, 两: 2, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6 };

function statedCandidates(text: string): number | undefined {
  const m = PICK.exec(text);
  if (!m) return undefined;
  const raw = m[1] ?? m[2] ?? m[3];
  const n = Number(raw) || WORD_NUMBERS[raw?.toLowerCase() ?? ""];
  return n >= 2 && n <= 20 ? n : undefined;
}

export function reviewDesign(ctx: EstimateContext, load: Load): ReviewDesign {
  const { book, profile } = ctx;
  const review = profile.humanReview.value;
  const sampled = EST.workload.reviewShareSampled;
  const reviewShare = book.get(
    "feedback.reviewShare",
    review === "always"
      ? { value: 1, source: "profile", citation: "profile.humanReview (always)" }
      : review === "sampled"
        ? kb(sampled, true)
        : { value: 0, source: "profile", citation: "profile.humanReview (none)" },
  );
  const editShare = reviewShare > 0 ? book.get("feedback.editShare", kb(review === "always" ? F.editShareAlways : F.editShare, true)) : 0;
  // Picks need candidates to pick from: only when the description shows several (an edit is not a pick).
  const stated = statedCandidates(ctx.input.description);
  const candidatesPerPick =
    stated !== undefined
      ? book.get("feedback.candidatesPerPick", {
          value: stated,
          source: "profile",
          citation: `${F.candidatesPerPick.source}; k from the description`,
        })
      : null;
  return { humanReview: review, reviewShare, editShare, candidatesPerPick, daysPerMonth: load.daysPerMonth };
}

export function feedbackPlan(ctx: EstimateContext, v: DataVolumes, labelledBeforeLaunch: number, load: Load): FeedbackPlan {
  const { book } = ctx;
  const review = reviewDesign(ctx, load);
  const outputs = load.monthlyRequests;
  const reviewedPerMonth = Math.round(outputs * review.reviewShare);
  const supervisedPairsPerMonth = Math.round(reviewedPerMonth * review.editShare);
  // Outputs nobody reviews: the integration phase ships a thumbs up/down with them, used at a low opt-in rate.
  const explicitRate = book.get("feedback.explicitRate", kb(F.explicitRate, true));
  const explicitPerMonth = Math.round(outputs * (1 - review.reviewShare) * explicitRate);
  const pickRate = review.candidatesPerPick ? book.get("feedback.implicitRate", kb(F.implicitRate, true)) : 0;
  const picksPerMonth = Math.round(outputs * pickRate);
  const comparisonsPerMonth = Math.round(picksPerMonth * ((review.candidatesPerPick ?? 1) - 1));
  const perMonth = reviewedPerMonth + explicitPerMonth + picksPerMonth;
  // Preference data for a reward model: comparisons from picks, and reviewed outputs (each an accept/reject judgement).
  const preferencePerMonth = comparisonsPerMonth + reviewedPerMonth;
  const onHand = ctx.profile.preferencePairs.value + labelledBeforeLaunch;
  const remaining = Math.max(0, v.rewardModelTarget - onHand);
  const months =
    v.rewardModelTarget === 0 || remaining === 0 ? 0 : preferencePerMonth > 0 ? Math.ceil(remaining / preferencePerMonth) : null;
  return {
    perMonth,
    reviewedPerMonth,
    supervisedPairsPerMonth,
    picksPerMonth,
    comparisonsPerMonth,
    explicitPerMonth,
    implicitPerMonth: picksPerMonth + supervisedPairsPerMonth,
    mode: perMonth === 0 ? "none" : reviewedPerMonth + picksPerMonth > 0 ? "implicit" : "explicit",
    review,
    rewardModelTarget: v.rewardModelTarget,
    preferencePairsOnHand: onHand,
    monthsToRewardModelTarget: months,
    inputs: {
      users: load.users,
      interactionsPerUserPerDay: load.interactionsPerUserPerDay,
      workingDaysPerMonth: load.daysPerMonth,
      explicitRate,
      implicitRate: pickRate,
      comparisonsPerImplicitEvent: Math.max(0, (review.candidatesPerPick ?? 1) - 1),
    },
    formula:
      "outputs = users × interactionsPerUserPerDay × daysPerMonth; perMonth = outputs × reviewShare + unreviewed × explicitRate + outputs × pickRate",
  };
}

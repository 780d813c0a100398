// Words for the notes the profile and the AI merge give a fact (FACT_NOTE_CODES in app/domain/profile/types.ts).
// The domain stores a code and its parameters; app/i18n/fact-notes.ts words them here, so a plan made in one
// language reads right in the other. Spread into en.ts in one marked block; notes.zh.ts has the same keys.
export const notesEn = {
  "factNote.public_from_market": "consumer products reach the public",
  "factNote.stakes_stated_floor": "stated {stated}; {driver} sets at least {level}",
  "factNote.stakes_floor": "{driver} sets at least {level}",
  "factNote.stakes_floor.read": "{driver} sets at least {level}; the words read {read}",
  "factNote.stakes_industry_medium": "“{quote}” reads as low stakes, but {industry} keeps it at medium",
  "factNote.stakes_industry_high": "no words about stakes; {industry} is a high-stakes industry",
  "factNote.review_unmonitored": "no one monitors it",
  "factNote.review_live_public": "a live answer to the public is seen before anyone can review it",
  "factNote.per_period": "per {period} ÷ {days} working days",
  "factNote.total_over_users": "{total} a day over {users} users",
  "factNote.users_default": "the usual number for {market}",
  "factNote.ai_cautious_kept":
    "{key}: the AI proposed {llm}, the heuristic read {kept} from {words}; they disagree, so the more cautious {kept} stays.",
  "factNote.ai_cautious_taken":
    "{key}: the heuristic read {heuristic} from {words}, the AI proposed the more cautious {llm}; the more cautious value is used.",
  "factNote.ai_unordered":
    "{key}: the heuristic read {heuristic} from {words}, the AI proposed {llm} from the quoted words; no value is more cautious here, so the AI's reading is used: please check it.",
  "factNote.ai_merged": "{key}: joined the heuristic's ({heuristic}) and the AI's ({llm}) lists so that neither loses a need.",
  "factNote.ai_dropped": "None of the words the AI quoted occur in the description; not used.",
  "factNote.ai_stakes_floor": "{driver}, read by the AI, sets the stakes to at least {level}.",
  "factNote.period.week": "week",
  "factNote.period.month": "month",
  "factNote.level.low": "low",
  "factNote.level.medium": "medium",
  "factNote.level.high": "high",
  "factNote.level.critical": "critical",
  "factNote.market.toC": "consumer products",
  "factNote.market.toB": "business products",
  "factNote.market.internal": "internal tools",
  // Sources keep the language they were published in; outside it they carry a label (app/present/view-model/sources.ts).
  "source.original.whole": "[Chinese original]",
  "source.original.part": "[as published]",
  "source.profileFact": "the profile's {fact} ({source})",
  "source.inputField": "your input: {field}",
  "fineTuneMethod.full": "Full fine-tune",
  "fineTuneMethod.lora": "LoRA",
  "fineTuneMethod.qlora": "QLoRA",
  "provider.Alibaba Cloud Model Studio (百炼)": "Alibaba Cloud Model Studio",
  "provider.Alibaba Cloud Model Studio (international)": "Alibaba Cloud Model Studio (international)",
  "provider.Moonshot AI": "Moonshot AI",
  "provider.Zhipu BigModel": "Zhipu BigModel",
  "audit.localUser": "the local user",
  // Facts the rules derive from the profile and the plan, as a technique's or a rule's trigger names them.
  "fact.stakesLevel": "Stakes",
  "fact.reviewLevel": "Human review",
  "fact.monthlyInteractions": "Uses a month",
  "fact.examplesAndLogs": "Examples and chat logs",
  "fact.techniques": "Techniques already chosen",
  "fact.gatedTechniques": "Techniques waiting on a gate",
  "fact.primaryTier": "Highest tier chosen",
  "fact.breakEvenProbability": "Chance of breaking even",
  "fact.breakEvenWithinHorizon": "Breaks even within the horizon",
  "fact.constraintsUnmet": "Stated constraints not met",
  "fact.npv": "Net present value",
} as const satisfies Record<string, string>;

export type NotesKey = keyof typeof notesEn;

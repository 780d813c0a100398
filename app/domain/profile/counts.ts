// Quantities in a description: how much data is on hand and how much the product will be used.
// A number is classified by the words right after it ("20 万条聊天记录", "3,000 labelled tickets") or, failing that,
// right before it ("标注数据 5 万条", "users: 2,000").
import { findNumbers } from "~/domain/profile/numbers";

export type CountKey = "labeledExamples" | "documents" | "chatLogs" | "preferencePairs" | "users";

export interface CountFinding {
  value: number;
  evidence: string;
}

export interface CountFindings {
  counts: Partial<Record<CountKey, CountFinding>>;
  /** Uses per user per day, when said directly ("each teacher writes 30 comments a day"). */
  perUserPerDay?: CountFinding;
  /** Uses per day across all users ("每天 5,000 张工单", "20k tickets a month" / 30). */
  totalPerDay?: CountFinding;
}

const AFTER = 26;
const BEFORE = 14;
const LABEL_AFTER = 64;

const CATEGORY_TERMS: [CountKey, RegExp][] = [
  ["chatLogs", /聊天记录|对话记录|会话记录|客服记录|通话记录|聊天|对话|会话|chat(?: logs?| transcripts?|s)\b|conversations?\b|transcripts?\b|dialogues?\b|messages\b/iu],
  ["preferencePairs", /偏好对|偏好数据|对比数据|排序数据|preference pairs?\b|comparison(?: pairs|s)\b|ranked pairs\b/iu],
  ["labeledExamples", /标注|已标注|样本|问答对|问答|训练数据|示例|例子|条数据|labell?ed\b|annotated\b|examples?\b|Q&A pairs\b|QA pairs\b|training pairs\b|samples\b|demonstrations\b/iu],
  ["documents", /文档|文件|合同|手册|病历|报告|论文|说明书|规章|制度|页|份|篇|documents?\b|docs\b|files\b|filings?\b|pages?\b|contracts?\b|manuals?\b|reports?\b|articles?\b|policies\b|PDFs?\b|medical records\b/iu],
  ["users", /用户|老师|教师|员工|坐席|客服人员|医生|律师|顾问|学生|会员|家长|销售|画室|门店|分析师|研究员|护士|会计|编辑|审核员|users?\b|teachers?\b|agents\b|employees\b|staff\b|doctors?\b|clinicians?\b|lawyers?\b|advisors?\b|students?\b|subscribers?\b|members\b|customers\b|clients\b|reps\b|nurses\b|analysts\b|studios\b|sellers\b|salespeople\b|lawyers\b/iu],
];

/** Tickets are records of past work: labelled when the text says they carry a category, otherwise raw logs. */
const TICKETS = /工单|tickets?\b|cases\b|emails\b|邮件|评论|comments\b|reviews\b/iu;
const LABEL_HINT = /标注|分类|标签|分好类|label|categor|classified|tagged/iu;

/** Right after the number: money, durations, sizes, percentages, model names. Not a count of things on hand. */
const NOT_A_COUNT = /^\s*(?:个(?:类|分类|标签|小组|组|步骤|阶段|环节|维度|字段|候选|选项)|个月|周|星期|天|日|年|小时|分钟|秒|元|块|美元|美金|刀|%|％|倍|类|种|步|轮|人民币|RMB|CNY|USD|dollars?\b|cents?\b|months?\b|weeks?\b|days?\b|years?\b|hours?\b|h\b|minutes?\b|seconds?\b|percent\b|categories\b|classes\b|types\b|kinds\b|steps\b|rounds\b|epochs?\b|people\b|persons?\b|engineers\b|languages?\b|种语言|门语言|GB\b|TB\b|MB\b|tokens?\b|[BK]\s*(?:param|model)|x\b|×|times\b|ms\b|s\b|个人|名?工程师|人的团队|人团队)/iu;
/** A Chinese numeral counts things only with a measure word after it: "一键改派", "一起", "一线" are not quantities. */
const CN_MEASURE_AFTER = /^\s*(?:多|余)?\s*(?:个|位|名|条|份|张|篇|家|人|句|次|本|页|段|组|套|项|台|所|间|款|例|对|封|通|笔|单|万|千|百|亿)/u;
const ARABIC_DIGIT = /\d/u;
const CN_PHRASE_END = /里|中|内(?!容)|带|用于|供|来自|可以|需要|要|，|。/u;
const MONEY_BEFORE = /(?:[$¥￥€£]|US\$|RMB|CNY|USD|价格|售价|定价)\s*$/iu;
const CLAUSE_END = /[0-9，,、;；()（）]|和|及|与|以及|\b(?:and|or|for|from|with|in|of|to|by|on|at|per|each|every|that|which|who|while|so|because|but)\s/iu;
const PER_DAY = /每天|每日|日均|一天|天均|per day\b|a day\b|daily\b|each day\b|every day\b|\/\s*day\b/iu;
const PER_MONTH = /每月|每个月|月均|一个月|per month\b|a month\b|monthly\b|each month\b|every month\b|\/\s*month\b/iu;
const PER_USER = /每(?:人|位|个|名)|人均|(?:per|each|every)\s+(?:user|teacher|agent|doctor|employee|person|staff|rep|member|student|nurse|lawyer|customer|clinician|analyst|seller|salesperson)\b|\beach\s+(?:a|per)\s+day\b|\b(?:a|per)\s+day\s+each\b|\bapiece\b/iu;

/** Each category with a global twin of its pattern, compiled once, for searching a window from its end. */
const CATEGORIES: { key: CountKey | "tickets"; re: RegExp; global: RegExp }[] = [...CATEGORY_TERMS, ["tickets", TICKETS] as const].map(
  ([key, re]) => ({ key, re, global: new RegExp(re.source, re.flags + "g") }),
);

function firstCategory(window: string, fromEnd: boolean): CountKey | "tickets" | undefined {
  let best: { key: CountKey | "tickets"; at: number } | undefined;
  for (const c of CATEGORIES) {
    const at = fromEnd ? lastIndexOf(window, c.global) : window.search(c.re);
    if (at < 0) continue;
    if (!best || (fromEnd ? at > best.at : at < best.at)) best = { key: c.key, at };
  }
  return best?.key;
}

function lastIndexOf(text: string, global: RegExp): number {
  let last = -1;
  global.lastIndex = 0;
  for (let m = global.exec(text); m; m = global.exec(text)) {
    last = m.index;
    if (m[0].length === 0) global.lastIndex++;
  }
  return last;
}

function keep(target: Partial<Record<CountKey, CountFinding>>, key: CountKey, finding: CountFinding) {
  // A quantity said twice ("5 万条…其中 2 万条") is read as the larger figure: the total on hand.
  const prev = target[key];
  if (!prev || finding.value > prev.value) target[key] = finding;
}

export function findCounts(text: string): CountFindings {
  const result: CountFindings = { counts: {} };
  for (const n of findNumbers(text)) {
    const after = text.slice(n.end, n.end + AFTER);
    const before = text.slice(Math.max(0, n.start - BEFORE), n.start);
    if (NOT_A_COUNT.test(after) || MONEY_BEFORE.test(before)) continue;
    if (!ARABIC_DIGIT.test(n.raw) && !CN_MEASURE_AFTER.test(after)) continue;
    // Cut the windows at sentence ends so a number is not classified by the next sentence.
    const afterSentence = after.split(/[。！？!?;；\n]|\.\s/u)[0];
    const beforeSentence = before.split(/[。！？!?;；\n]|\.\s/u).pop() ?? "";
    const evidence = (n.raw + afterSentence.split(/[，,、(（]/u)[0]).slice(0, 28).trim();
    // Chinese puts the noun right after the measure word ("20 万条聊天记录…里抽取…销售"): the first category word
    // decides. English compounds end in their head noun ("contract-review Q&A pairs"): the last word of the clause
    // decides, the clause ending at the next number or conjunction.
    const afterClause = afterSentence.split(CLAUSE_END)[0];
    const chinese = /^\s*[\u3400-\u9fff]/u.test(afterSentence);
    // A Chinese noun phrase also ends in its head ("3 万条合同审查问答" are Q&A pairs, not contracts); the phrase
    // right after the measure word ends where a place or linking word starts ("聊天记录里抽取…的问答").
    const phrase = chinese ? afterClause.split(CN_PHRASE_END)[0] : "";
    const afterCategory = (chinese ? firstCategory(phrase, true) : undefined) ?? firstCategory(afterClause, !chinese);
    const category = afterCategory ?? firstCategory(beforeSentence, true);
    // "500 名用户" is a user count even in "每天有 500 名用户提问"; "每位老师每天写 20 条" is a volume.
    if (afterCategory === "users") {
      keep(result.counts, "users", { value: Math.round(n.value), evidence });
      continue;
    }
    const near = beforeSentence.slice(-8) + " " + afterSentence;
    // The rate can sit past the short window at the end of its clause ("3,000 support tickets arrive each day").
    const clause = text.slice(n.end, n.end + LABEL_AFTER).split(/[。！？!?;；\n，,、]|\.\s|\s(?:and|but|while|so|with)\s|\d/u)[0];
    const perDay = PER_DAY.test(near) || PER_DAY.test(clause);
    const perMonth = !perDay && (PER_MONTH.test(near) || PER_MONTH.test(clause));
    if (perDay || perMonth) {
      const daily = perDay ? n.value : n.value / 30;
      const finding = { value: daily, evidence };
      if (PER_USER.test(near)) result.perUserPerDay ??= finding;
      else if (!result.totalPerDay || daily > result.totalPerDay.value) result.totalPerDay = finding;
      continue;
    }
    if (!category) continue;
    if (category === "users") {
      keep(result.counts, "users", { value: Math.round(n.value), evidence });
      continue;
    }
    if (category === "tickets") {
      // English says what the tickets carry at the end of a longer phrase ("tickets with their category labels").
      const sentenceAfter = text.slice(n.end, n.end + LABEL_AFTER).split(/[。！？!?;；\n]|\.\s/u)[0];
      const labelled = LABEL_HINT.test(near) || LABEL_HINT.test(sentenceAfter);
      keep(result.counts, labelled ? "labeledExamples" : "chatLogs", { value: Math.round(n.value), evidence });
      continue;
    }
    keep(result.counts, category, { value: Math.round(n.value), evidence });
  }
  return result;
}

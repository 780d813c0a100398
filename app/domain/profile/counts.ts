// Quantities in a description: how much data is on hand and how much the product will be used.
// A number is a count only when it is written as one: a measure word or unit and a noun of its category ("20 万条聊天
// 记录", "3,000 labelled tickets", "1000多位付费老师"), or a labelled figure ("标注数据 5 万条", "users: 2,000").
// Identifiers (the 12345 hotline, GPT-4, Qwen-72B), years, article numbers, money, durations and the article "一个"
// are not counts.
import { findNumbers, type NumberMatch } from "~/domain/profile/numbers";

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

const AFTER = 32;
const BEFORE = 14;
/** How far back the clause of a rate is read for its per-person marker. */
const CLAUSE_BEFORE = 40;
const LABEL_AFTER = 64;
/** English: the category noun must be among the first words after the number ("30,000 contract-review Q&A pairs"). */
const EN_HEAD_WORDS = 4;

const CATEGORY_TERMS: [CountKey, RegExp][] = [
  [
    "chatLogs",
    /聊天记录|对话记录|会话记录|客服记录|通话记录|聊天|对话|会话|chat(?: logs?| transcripts?|s)\b|conversations?\b|transcripts?\b|dialogues?\b|messages\b/iu,
  ],
  ["preferencePairs", /偏好对|偏好数据|对比数据|排序数据|preference pairs?\b|comparison(?: pairs|s)\b|ranked pairs\b/iu],
  // Outputs people already wrote for the task are demonstrations: "2000条老师写过的评语" are 2,000 examples.
  [
    "labeledExamples",
    /标注|已标注|样本|问答对|问答|训练数据|示例|例子|条数据|评语|范文|标准答案|参考答案|labell?ed\b|annotated\b|examples?\b|Q&A pairs\b|QA pairs\b|training pairs\b|samples\b|demonstrations\b/iu,
  ],
  [
    "documents",
    /文档|文书|文件|合同|手册|病历|报告|论文|说明书|规章|制度|页|份|篇|documents?\b|docs\b|files\b|filings?\b|pages?\b|contracts?\b|manuals?\b|reports?\b|articles?\b|policies\b|PDFs?\b|medical records\b/iu,
  ],
  [
    "users",
    /用户|老师|教师|员工|坐席|客服人员|医生|律师|顾问|学生|会员|家长|销售|画室|门店|分析师|研究员|护士|会计|编辑|审核员|users?\b|teachers?\b|agents\b|employees\b|staff\b|doctors?\b|clinicians?\b|lawyers?\b|advisors?\b|students?\b|subscribers?\b|members\b|customers\b|clients\b|reps\b|nurses\b|analysts\b|studios\b|sellers\b|salespeople\b|lawyers\b/iu,
  ],
];

/** Tickets are records of past work: labelled when the text says they carry a category, otherwise raw logs. */
const TICKETS = /工单|tickets?\b|cases\b|emails\b|邮件|评论|comments\b|reviews\b/iu;
const LABEL_HINT = /标注|分类|标签|分好类|label|categor|classified|tagged/iu;

/** Right after the number: money, durations, sizes, percentages, model sizes, ordinal sets. Not a count of things on hand. */
const NOT_A_COUNT =
  /^\s*(?:个(?:类|分类|标签|小组|组|步骤|阶段|环节|维度|字段|候选|选项)|个月|周|星期|天|日|年|小时|分钟|秒|元|块|美元|美金|刀|%|％|倍|类|种|步|轮|人民币|RMB|CNY|USD|dollars?\b|cents?\b|months?\b|weeks?\b|days?\b|years?\b|hours?\b|h\b|minutes?\b|seconds?\b|percent\b|categories\b|classes\b|types\b|kinds\b|steps\b|rounds\b|epochs?\b|people\b|persons?\b|engineers\b|languages?\b|种语言|门语言|GB\b|TB\b|MB\b|tokens?\b|[BK]\s*(?:param|model)|x\b|×|times\b|ms\b|s\b|个人|名?工程师|人的团队|人团队)/iu;
/** Past work that people wrote or approved (the noun is then the task's output). */
const PAST_WORK =
  /^\s*(?:[\w-]+\s+){0,1}(?:past|previous|earlier|historical|existing|approved|hand-written|human-written)\s+(?:[\w-]+\s+){0,2}?[\w-]+\s+(?:(?:that|which)\s+)?(?:(?:our|the|their)\s+)?(?:[\w-]+\s+)?(?:wrote|written|approved|edited|curated|vetted|signed off)\b|^\s*(?:多|余)?\s*[条份篇个]?[^，。；,;]{0,12}(?:写过|审核过|审过|改过|批准过|通过审核|人工撰写)的/iu;
/** People counted without a user noun (a team size unless what each of them does follows). */
const PEOPLE_AFTER = /^\s*(?:people|persons|engineers|developers|名?工程师|个人|名?开发)/iu;
/** What each of them does is a use of the tool: a rate, or the tool as the object ("handing it", "用它", "使用"). */
const USES_IT = /\b(?:it|the (?:tool|assistant|bot|model))\b|用它|使用|提问|问它|每周|per week\b|a week\b/iu;
const EACH_OF_THEM = /^\s*[,，]\s*(?:each|every one of them|每人|每位|每个人|人均)/iu;
/** Chinese measure words (量词) that count things; 多/余 ("1000多位") may sit between the number and the measure word. */
const CN_MEASURE = /^\s*(?:多|余)?\s*(位|名|个|条|份|张|篇|家|人|句|次|本|页|段|组|套|项|台|所|间|款|例|对|封|通|笔|单)/u;
/** A Chinese numeral counts things only with a measure word after it: "一键改派", "一起", "一线" are not quantities. */
const CN_MEASURE_AFTER =
  /^\s*(?:多|余)?\s*(?:个|位|名|条|份|张|篇|家|人|句|次|本|页|段|组|套|项|台|所|间|款|例|对|封|通|笔|单|万|千|百|亿)/u;
/** When the noun is not one we know, some measure words still say what is counted: 份/篇/页 documents, 位/名 people. */
const MEASURE_CATEGORY: Record<string, CountKey> = {
  份: "documents",
  篇: "documents",
  页: "documents",
  本: "documents",
  位: "users",
  名: "users",
};
const ARABIC_DIGIT = /\d/u;
const CN_PHRASE_END = /里|中|内(?!容)|带|用于|供|来自|可以|需要|要|已经|都|，|。|、/u;
const MONEY_BEFORE = /(?:[$¥￥€£]|US\$|RMB|CNY|USD|价格|售价|定价)\s*$/iu;
const CLAUSE_END =
  /[0-9，,、;；:：()（）]|和|及|与|以及|\b(?:and|or|for|from|with|in|of|to|by|on|at|per|each|every|that|which|who|whom|whose|where|when|while|so|because|but|if|as|than|across|about|into|via)\s/iu;
const PER_DAY = /每天|每日|日均|一天|天均|per day\b|a day\b|daily\b|each day\b|every day\b|\/\s*day\b/iu;
const PER_MONTH = /每月|每个月|月均|一个月|per month\b|a month\b|monthly\b|each month\b|every month\b|\/\s*month\b/iu;
const PER_USER =
  /每(?:人|位|个|名)|人均|(?:per|each|every)\s+(?:user|teacher|agent|doctor|employee|person|staff|rep|member|student|nurse|lawyer|customer|clinician|analyst|seller|salesperson)\b|\beach\s+(?:a|per)\s+day\b|\b(?:a|per)\s+day\s+each\b|\bapiece\b/iu;

// ── numbers that are names, not quantities ──
/** Service numbers and lines: "12345市民热线", "the 311 hotline", "拨打 110". */
const IDENTIFIER_AFTER =
  /^\s*(?:(?:市民|政务|便民|服务|投诉|客服|求助|举报|心理援助)?(?:热线|专线|电话|号码|号线|短号)|号(?![召称])|路(?:公交|车)|hotline|helpline|line\b|number\b|service line|call cent(?:er|re)|phone line)/iu;
const IDENTIFIER_BEFORE =
  /(?:拨打|致电|热线|电话|编号|工号|型号|版本|代码|call(?:ing)?|dial(?:ing)?|phone|tel\.?|No\.|#|version|v\.?|model|ISO|GB\/T|article|art\.|section|sec\.|§|clause|rule|chapter|item|第)\s*$/iu;
/** "2023 年", "in 2024", "since 2019", "FY2025": a year, not a count. */
const YEAR_BEFORE = /(?:\b(?:in|since|from|until|by|before|after|of|year|fy|circa|early|late|mid)\s*|[-–~至到])$/iu;
const YEAR_AFTER = /^\s*(?:年(?![级龄])|年代|[-–]\d|\s*Q[1-4]\b|\/\d)/u;

function isIdentifier(n: NumberMatch, text: string): boolean {
  const before = text.slice(Math.max(0, n.start - 12), n.start);
  const after = text.slice(n.end, n.end + 16);
  if (IDENTIFIER_AFTER.test(after) || IDENTIFIER_BEFORE.test(before)) return true;
  const plain = /^\d{4}$/u.test(n.raw.trim());
  if (plain && n.value >= 1900 && n.value <= 2100 && (YEAR_BEFORE.test(before) || YEAR_AFTER.test(after))) return true;
  return false;
}

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

/**
 * The category of the noun phrase right after the number. Chinese puts the head noun last ("老师写过的评语" are
 * comments, "合同审查问答" are Q&A pairs): the head is what follows the last 的, and within it the last category word.
 * English compounds also end in their head ("contract-review Q&A pairs"), among the first few words of the clause.
 */
function categoryAfter(afterSentence: string, chinese: boolean): CountKey | "tickets" | undefined {
  const clause = afterSentence.split(CLAUSE_END)[0];
  if (chinese) {
    const measure = CN_MEASURE.exec(clause)?.[1];
    const phrase = clause.split(CN_PHRASE_END)[0].replace(CN_MEASURE, "");
    const head = phrase.includes("的") ? phrase.slice(phrase.lastIndexOf("的") + 1) : phrase;
    return (
      firstCategory(head, true) ??
      (head === phrase ? undefined : firstCategory(phrase, true)) ??
      (measure ? MEASURE_CATEGORY[measure] : undefined)
    );
  }
  const words = clause.trim().split(/\s+/u).slice(0, EN_HEAD_WORDS).join(" ");
  return firstCategory(words, true);
}

/**
 * The category named before the number, only where the text labels a figure with it: a Chinese noun followed by the
 * number and its measure word and nothing else ("历史工单 5 万条", "标注数据 3000 条，"), or a noun and a colon
 * ("users: 2,000", "用户数：2000").
 */
function categoryBefore(beforeSentence: string, afterSentence: string): CountKey | "tickets" | undefined {
  const measureOnly = CN_MEASURE.exec(afterSentence);
  const rest = measureOnly ? afterSentence.slice(measureOnly[0].length) : afterSentence;
  const labelled = /[:：=]\s*(?:约|大约|about|around|approximately|roughly)?\s*$/iu.test(beforeSentence);
  const bareMeasure = measureOnly !== null && /^\s*(?:[，,。；;、）)]|$|(?:左右|上下)|每)/u.test(rest);
  if (!labelled && !bareMeasure) return undefined;
  return firstCategory(beforeSentence.slice(-10), true);
}

export function findCounts(text: string): CountFindings {
  const result: CountFindings = { counts: {} };
  for (const n of findNumbers(text)) {
    const after = text.slice(n.end, n.end + AFTER);
    const before = text.slice(Math.max(0, n.start - BEFORE), n.start);
    // "80 engineers, each handing it 3 tickets a day": people followed by what each of them does are the users,
    // where "3 engineers" alone is a team size.
    const people = PEOPLE_AFTER.exec(after);
    const eachClause = people
      ? text.slice(n.end + people[0].length, n.end + people[0].length + LABEL_AFTER).split(/[。！？!?;；\n]|\.\s/u)[0]
      : "";
    if (
      people &&
      !MONEY_BEFORE.test(before) &&
      EACH_OF_THEM.test(eachClause) &&
      (PER_DAY.test(eachClause) || PER_MONTH.test(eachClause) || USES_IT.test(eachClause))
    ) {
      keep(result.counts, "users", { value: Math.round(n.value), evidence: (n.raw + people[0]).trim() });
      continue;
    }
    if (NOT_A_COUNT.test(after) || MONEY_BEFORE.test(before) || isIdentifier(n, text)) continue;
    const arabic = ARABIC_DIGIT.test(n.raw);
    if (!arabic) {
      if (!CN_MEASURE_AFTER.test(after)) continue;
      // "一个知识库", "一位老师": 一 with a measure word is the article "a", not a count of one.
      if (n.value === 1 && /^[一]$/u.test(n.raw.trim())) continue;
    }
    // Cut the windows at sentence ends so a number is not classified by the next sentence.
    const afterSentence = after.split(/[。！？!?;；\n]|\.\s/u)[0];
    const beforeSentence = before.split(/[。！？!?;；\n]|\.\s/u).pop() ?? "";
    const evidence = (n.raw + afterSentence.split(/[，,、(（]/u)[0]).slice(0, 28).trim();
    const chinese = /^\s*[\u3400-\u9fff]/u.test(afterSentence);
    const afterCategory = categoryAfter(afterSentence, chinese);
    const category = afterCategory ?? categoryBefore(beforeSentence, afterSentence);
    // Outputs people already wrote or approved for the task are demonstrations, whatever the noun: "5,000 past
    // descriptions our copywriters approved", "3000篇编辑审核过的文案".
    const sentenceAhead = text.slice(n.end, n.end + LABEL_AFTER).split(/[。！？!?;；\n]|\.\s|\.$/u)[0];
    if ((!category || category === "users") && PAST_WORK.test(sentenceAhead)) {
      keep(result.counts, "labeledExamples", { value: Math.round(n.value), evidence });
      continue;
    }
    // "500 名用户" is a user count even in "每天有 500 名用户提问"; "每位老师每天写 20 条" is a volume.
    if (afterCategory === "users") {
      keep(result.counts, "users", { value: Math.round(n.value), evidence });
      continue;
    }
    // A rate belongs to its own clause: "2000条评语，已有1000多位老师愿意每月付费" has no monthly volume of comments.
    const near = beforeSentence.split(/[，,]/u).pop()!.slice(-8) + " " + afterSentence.split(/[，,]/u)[0];
    // The rate can sit past the short window at the end of its clause ("3,000 support tickets arrive each day").
    const clause = text.slice(n.end, n.end + LABEL_AFTER).split(/[。！？!?;；\n，,、]|\.\s|\s(?:and|but|while|so|with)\s|\d/u)[0];
    const perDay = PER_DAY.test(near) || PER_DAY.test(clause);
    // The per-person marker can open the clause, well before the number ("each agent handles 16 calls a day",
    // "20,000 users, each making about 2 requests a day", "每位医生每天大约写 20 份").
    const clauseBefore =
      text
        .slice(Math.max(0, n.start - CLAUSE_BEFORE), n.start)
        .split(/[。！？!?;；\n，,]|\.\s/u)
        .pop() ?? "";
    const perUser = PER_USER.test(near) || PER_USER.test(clauseBefore) || /^\s*(?:each|every one|apiece)\b/iu.test(clauseBefore);
    const perMonth = !perDay && (PER_MONTH.test(near) || PER_MONTH.test(clause));
    // A rate is a volume of use only when the number counts something (a measure word, a unit or a noun after it).
    const counted =
      category !== undefined ||
      CN_MEASURE.test(afterSentence) ||
      /^\s*(?:more\s+)?[A-Za-z]/u.test(afterSentence) ||
      /^\s*次/u.test(afterSentence);
    if ((perDay || perMonth) && counted) {
      const daily = perDay ? n.value : n.value / 30;
      const finding = { value: daily, evidence };
      if (perUser) result.perUserPerDay ??= finding;
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

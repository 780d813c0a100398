// How often one person uses the tool, as people say it ("每人每周问一两次", "a few times a week", "once a day"),
// converted to interactions per user per working day.
/** Working days in a week and in a month: the same calendar the feedback estimate uses (≈ 261 days a year). */
export const WORKING_DAYS_PER_WEEK = 5;
export const WORKING_DAYS_PER_MONTH = 22;

const PER_PERIOD: Record<string, number> = { day: 1, week: WORKING_DAYS_PER_WEEK, month: WORKING_DAYS_PER_MONTH };

/** Counts said in words. Vague ranges take their middle ("一两次" = 1.5, "a few" = 3). */
const ZH_COUNT: Record<string, number> = {
  一两: 1.5,
  两三: 2.5,
  三四: 3.5,
  三五: 4,
  四五: 4.5,
  五六: 5.5,
  几: 3,
  一: 1,
  两: 2,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  十: 10,
};
const ZH_PERIOD: Record<string, string> = { 天: "day", 日: "day", 周: "week", 星期: "week", 礼拜: "week", 月: "month" };
const EN_COUNT: Record<string, number> = {
  once: 1,
  twice: 2,
  "once or twice": 1.5,
  "a few times": 3,
  "a couple of times": 2,
  "several times": 4,
};

// "每人每周问一两次", "员工一周用两三次", "人均每天 3 次": a per-person marker or a period, a verb, then N 次.
const ZH =
  /(每人|每位|每个人|每名|人均|每个?员工)?[^，。；;,\n]{0,4}?(?:每|一)(天|日|周|星期|礼拜|月)[^，。；;,\n\d一二两三四五六七八九十几]{0,6}?(一两|两三|三四|三五|四五|五六|几|[一二两三四五六七八九十]|\d+(?:\.\d+)?)(?:\s*(?:到|至|-|~|～)\s*(\d+(?:\.\d+)?))?\s*次/gu;
const ZH_USE_VERB = /[问用查询找]|提问|咨询|打开|调用|使用/u;
// "once a day", "a few times a week", "3 times per week", "2-3 times a month", "once or twice a week".
const EN =
  /\b(once or twice|once|twice|a few times|a couple of times|several times|(\d+(?:\.\d+)?)(?:\s*(?:-|–|to)\s*(\d+(?:\.\d+)?))?\s*times)\s*(?:a|per|each|every)\s+(day|week|month|working day|workday)\b/giu;

export interface Frequency {
  perDay: number;
  evidence: string;
  period: "day" | "week" | "month";
}

/** Undefined when the text says no usage frequency; digit counts above 100 are volumes, not one person's habit. */
export function findUsageFrequency(text: string): Frequency | undefined {
  // The first mention that reads as one person's habit wins; volumes and routines before it are skipped.
  for (const zh of text.matchAll(ZH)) {
    const period = ZH_PERIOD[zh[2]] as Frequency["period"];
    const n = zh[3] in ZH_COUNT ? ZH_COUNT[zh[3]] : Number(zh[3]);
    const count = zh[4] !== undefined ? (n + Number(zh[4])) / 2 : n;
    // A person's habit needs a per-person marker or a usage verb: "每天 8000 次咨询" is the whole desk's volume and
    // "每周两次复盘会" is a meeting, not a use of the tool.
    const perPerson = zh[1] !== undefined || ZH_USE_VERB.test(zh[0]);
    if (perPerson && count > 0 && count <= 100) return { perDay: count / PER_PERIOD[period], evidence: zh[0].trim(), period };
  }
  for (const en of text.matchAll(EN)) {
    const unit = en[4].toLowerCase();
    const period = (unit.includes("day") ? "day" : unit) as Frequency["period"];
    const words = en[1].toLowerCase();
    const count = en[2] !== undefined ? (en[3] !== undefined ? (Number(en[2]) + Number(en[3])) / 2 : Number(en[2])) : EN_COUNT[words];
    if (count !== undefined && count > 0 && count <= 100) return { perDay: count / PER_PERIOD[period], evidence: en[0].trim(), period };
  }
  return undefined;
}

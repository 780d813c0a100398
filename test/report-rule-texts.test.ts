// Issue 11 item 2: no rule text may promise numbers the estimators contradict. A fired rule's text and a risk's
// mitigation are printed above the plan's own team and timeline, which the estimators size for each plan; so those
// texts give the reason in words and leave head counts and weeks to the estimates ("one or two people can ship a
// first version in weeks" stood above "4 people, 13.5 weeks").
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

type Text = { zh: string; en: string };
const rules = JSON.parse(readFileSync(new URL("../data/rules.json", import.meta.url), "utf8")) as {
  rules: { id: string; text: Text }[];
  risks?: { id: string; text: Text; mitigation?: Text }[];
};

const ZH_NUMBER = "(?:\\d+(?:\\.\\d+)?(?:\\s*[–~-]\\s*\\d+(?:\\.\\d+)?)?|[一二两三四五六七八九十几数半]+)";
const EN_NUMBER =
  "(?:\\d+(?:\\.\\d+)?(?:\\s*[–-]\\s*\\d+(?:\\.\\d+)?)?|one|two|three|four|five|six|seven|eight|nine|ten|a few|a couple of|several)";
/** A stretch of working time: "3 周", "几周", "两个月", "3 weeks", "a few months", "in weeks". */
const DURATION = [
  new RegExp(`${ZH_NUMBER}\\s*个?\\s*(?:周|星期|月|天|工作日)`),
  new RegExp(`\\b${EN_NUMBER}(?:\\s+or\\s+${EN_NUMBER})?\\s+(?:weeks?|months?|days?)\\b|\\b(?:in|within) (?:weeks|days|months)\\b`, "i"),
];
/** A head count of the team: "一两个人", "3 人", "3 位运营同事", "2 engineers", "one or two people" (not "少数几个人使用"). */
const HEAD_COUNT = [
  new RegExp(`${ZH_NUMBER}\\s*(?:个|名|位)?\\s*(?:人(?!使用|用|[工类民群机])|工程师|开发者?|运营同事|同事|员工)`),
  new RegExp(
    `\\b${EN_NUMBER}(?:\\s+or\\s+${EN_NUMBER})?\\s+(?:people|persons|engineers|developers|(?:\\w+\\s+)?staff|FTEs?)\\b(?!\\s+(?:would\\s+)?use)`,
    "i",
  ),
];
const promises = (s: string) => [...DURATION, ...HEAD_COUNT].map((re) => re.exec(s)?.[0]).filter((m): m is string => Boolean(m));

describe("rule texts leave people and weeks to the estimates", () => {
  it("the patterns catch what the review found, and pass a rate or a user count", () => {
    expect(promises("第一阶即可起步，一两个人几周就能出第一个版本。")).toEqual(["几周", "一两个人"]);
    expect(promises("Tier 1 is enough to start: one or two people can ship a first version in weeks.")).toEqual([
      "in weeks",
      "one or two people",
    ]);
    expect(promises("先由 3 位运营同事用约 3 周整理数据")).toEqual(["3 周", "3 位运营同事"]);
    expect(promises("first round about 2 people, 3 weeks")).toHaveLength(2);
    expect(promises("Have about 3 operations staff spend 3 weeks")).toHaveLength(2);
    for (const fine of [
      "使用量达百万级，规模效应明显。",
      "A million uses a month: clear economies of scale.",
      "只有少数几个人使用，开发投入很难收回。",
      "Only a handful of people would use it.",
      "1000 多位老师月付几十元",
      "1,000+ teachers pay tens of yuan a month",
    ]) {
      expect(promises(fine), fine).toEqual([]);
    }
  });

  it.each(rules.rules.map((r) => [r.id, r.text] as const))("rule %s", (_id, text) => {
    expect(promises(text.zh)).toEqual([]);
    expect(promises(text.en)).toEqual([]);
  });

  it.each((rules.risks ?? []).map((r) => [r.id, r] as const))("risk %s and its mitigation", (_id, risk) => {
    for (const text of [risk.text, risk.mitigation].filter((x): x is Text => Boolean(x))) {
      expect(promises(text.zh)).toEqual([]);
      expect(promises(text.en)).toEqual([]);
    }
  });
});

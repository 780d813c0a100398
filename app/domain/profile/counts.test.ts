import { describe, expect, it } from "vitest";
import { findCounts } from "~/domain/profile/counts";

describe("findCounts classifies quantities by the words around them", () => {
  it("reads data on hand in Chinese", () => {
    const c = findCounts("我们有 20 万条聊天记录、五万份合同和 3000 条标注数据。").counts;
    expect(c.chatLogs?.value).toBe(200_000);
    expect(c.documents?.value).toBe(50_000);
    expect(c.labeledExamples?.value).toBe(3_000);
  });

  it("reads data on hand in English", () => {
    const c = findCounts("We have 3,000 labelled tickets, 13k examples and 60k preference pairs.").counts;
    expect(c.labeledExamples?.value).toBe(13_000);
    expect(c.preferencePairs?.value).toBe(60_000);
  });

  it("reads users, including approximate counts", () => {
    expect(findCounts("全国1000多月付费几十元的用户").counts.users?.value).toBe(1_000);
    expect(findCounts("sold to 1,000+ teachers").counts.users?.value).toBe(1_000);
  });

  it("ignores prices, durations and category counts", () => {
    const r = findCounts("月付 30 元，3 周上线，分成 10 类，$20 per month, 2 people for 3 weeks");
    expect(r.counts).toEqual({});
  });

  it("reads a per-person rate whose marker opens the clause, and people followed by what each of them does as users", () => {
    expect(findCounts("Our 40 support agents use it; each agent handles 16 calls a day.").perUserPerDay?.value).toBe(16);
    const w = findCounts("A writing assistant for 20,000 users, each making about 2 requests a day.");
    expect(w.counts.users?.value).toBe(20_000);
    expect(w.perUserPerDay?.value).toBe(2);
    const e = findCounts("80 engineers, each handing it about 3 tickets a day.");
    expect(e.counts.users?.value).toBe(80);
    expect(e.perUserPerDay?.value).toBe(3);
    // A team size stays a team size: what each of them has is not a use of the tool.
    expect(findCounts("We are 3 engineers, each with a laptop.").counts).toEqual({});
    expect(findCounts("团队有 5 名工程师，每人负责一个模块。").counts).toEqual({});
  });

  it("reads outputs people already wrote or approved as examples, whatever the noun", () => {
    expect(findCounts("We have 5,000 past descriptions our copywriters approved.").counts.labeledExamples?.value).toBe(5_000);
    expect(findCounts("我们有3000篇编辑审核过的文案。").counts).toEqual({ labeledExamples: expect.objectContaining({ value: 3_000 }) });
    expect(findCounts("We have 200 past orders.").counts).toEqual({});
  });

  it("separates volume per user from volume across all users", () => {
    expect(findCounts("每位老师每天写 20 条评语").perUserPerDay?.value).toBe(20);
    expect(findCounts("每天约 8000 次咨询").totalPerDay?.value).toBe(8_000);
    expect(findCounts("about 30,000 tickets a month").totalPerDay?.value).toBe(1_000);
  });

  it("treats tickets as labelled only when the text says they carry a category", () => {
    expect(findCounts("历史工单 5 万条，每条都有分类").counts.labeledExamples?.value).toBe(50_000);
    expect(findCounts("历史工单 5 万条").counts.chatLogs?.value).toBe(50_000);
  });

  it("keeps the matched words as evidence", () => {
    expect(findCounts("20 万条聊天记录").counts.chatLogs?.evidence).toContain("20 万条聊天记录");
  });
});

describe("findCounts in English clauses", () => {
  it("reads the head noun of a compound and stops at the next clause", () => {
    const c = findCounts("30,000 contract-review Q&A pairs and 5,000 past filings for our 3 in-house lawyers").counts;
    expect(c.labeledExamples?.value).toBe(30_000);
    expect(c.documents?.value).toBe(5_000);
    expect(c.users?.value).toBe(3);
  });

  it("does not read words that start with a numeral as counts", () => {
    const r = findCounts("坐席可以一键改派，大家一起用，一线员工反馈");
    expect(r.counts).toEqual({});
    expect(findCounts("需要分到 10 个类别").counts).toEqual({});
  });

  it("reads a per-user rate said with 'each' after the noun, and sellers as users", () => {
    const r = findCounts("200 sellers, about 40 suggestions each a day.");
    expect(r.counts.users?.value).toBe(200);
    expect(r.perUserPerDay?.value).toBe(40);
    expect(findCounts("50 doctors, 40 patients a day each.").perUserPerDay?.value).toBe(40);
  });

  it("finds a daily rate at the end of a longer English clause", () => {
    expect(findCounts("About 3,000 support tickets arrive each day and must be sorted.").totalPerDay?.value).toBe(3_000);
    expect(findCounts("We have 20,000 historical tickets with their category labels.").counts.labeledExamples?.value).toBe(20_000);
  });

  it("reads a Chinese noun phrase by its head noun", () => {
    const c = findCounts("律所希望用自己积累的 3 万条合同审查问答和 5000 份历史文书微调模型。").counts;
    expect(c.labeledExamples?.value).toBe(30_000);
    expect(c.documents?.value).toBe(5_000);
    expect(findCounts("从 20 万条企业微信聊天记录里抽取金牌销售的问答").counts.chatLogs?.value).toBe(200_000);
  });
});

describe("findCounts reads a number only where it counts something (issue 9)", () => {
  it("does not read a hotline's name, a phone number or a service line as a count", () => {
    expect(findCounts("12345市民热线的历史工单已经分好类").counts).toEqual({});
    expect(findCounts("Our city 12345 hotline: labelled tickets are in the CRM.").counts).toEqual({});
    expect(findCounts("市民拨打 12345 反映问题，已有 3 万张标注好的工单").counts).toEqual({
      labeledExamples: expect.objectContaining({ value: 30_000 }),
    });
  });

  it("does not read model names, years or article numbers as counts", () => {
    expect(findCounts("Use GPT-4 and Qwen-72B, founded in 2023, see article 15 and 第15条.").counts).toEqual({});
    expect(findCounts("基于 Qwen2.5-72B 微调，2024 年上线").counts).toEqual({});
    expect(findCounts("依据《生成式人工智能服务管理暂行办法》第十七条备案").counts).toEqual({});
  });

  it("reads 一个 as the article 'a', not a count of one", () => {
    expect(findCounts("我们有一个知识库，做一个客服机器人回答用户问题。").counts).toEqual({});
    expect(findCounts("一位老师").counts).toEqual({});
    expect(findCounts("两位老师").counts.users?.value).toBe(2);
  });

  it("reads comments teachers wrote as examples, and paying teachers as users", () => {
    const c = findCounts("目前有大约2000条老师写过的评语，已有1000多位老师愿意每月付几十元。").counts;
    expect(c.labeledExamples).toMatchObject({ value: 2_000, evidence: expect.stringContaining("2000条老师写过的评语") });
    expect(c.users).toMatchObject({ value: 1_000, evidence: expect.stringContaining("1000多位老师") });
  });

  it("needs the noun right after the number in English, not somewhere later in the clause", () => {
    expect(findCounts("We serve 40 countries where users ask about tickets.").counts).toEqual({});
    expect(findCounts("users: 2,000").counts.users?.value).toBe(2_000);
  });
});

// Scenarios for `npm run sanity` (scripts/sanity.ts): what a PM would type, written before the estimators were
// changed for issue 10. The business figures are free text on purpose: they must be read from the words, as a user
// writes them. Usage, market and review are set as fields where the description's lexicon (the judgment stream's)
// does not read them, as a PM would in the form, so that the checks measure the estimators. A `-no-cac` / `-no-fee`
// row is the same text with one sentence removed, so a check can compare a plan with and without a stated figure.

export interface SanityScenario {
  id: string;
  /** What the scenario exercises, for the report. */
  about: string;
  input: Record<string, unknown>;
}

export const SANITY_SCENARIOS: SanityScenario[] = [
  {
    id: "seed-sentence-zh",
    about: "the seed's own sentence about the art-studio comment tool, typed as free text",
    input: { description: "比如评语小工具，画室老师使用AI来给学生画作撰写评语，全国1000多月付费几十元的用户。" },
  },
  {
    id: "toc-cac-en",
    about: "ToC subscription app with a stated CAC, store fee, conversion, churn and market",
    input: {
      description:
        "A mobile app where adult learners practise English conversation with an AI tutor that corrects their mistakes. Subscription $12 a month; about 3% of free users convert and monthly churn is 8%. Paid acquisition costs about $40 per paying customer. The app stores take 15% of each payment. We reach about 50,000 new people a month; the addressable market is about 400,000 learners.",
    },
  },
  {
    id: "toc-cac-en-no-cac",
    about: "toc-cac-en without its CAC sentence",
    input: {
      description:
        "A mobile app where adult learners practise English conversation with an AI tutor that corrects their mistakes. Subscription $12 a month; about 3% of free users convert and monthly churn is 8%. The app stores take 15% of each payment. We reach about 50,000 new people a month; the addressable market is about 400,000 learners.",
    },
  },
  {
    id: "toc-cac-en-no-fee",
    about: "toc-cac-en without its store-fee sentence",
    input: {
      description:
        "A mobile app where adult learners practise English conversation with an AI tutor that corrects their mistakes. Subscription $12 a month; about 3% of free users convert and monthly churn is 8%. Paid acquisition costs about $40 per paying customer. We reach about 50,000 new people a month; the addressable market is about 400,000 learners.",
    },
  },
  {
    id: "toc-cac-zh",
    about: "ToC subscription mini-program with a stated CAC (Chinese)",
    input: {
      description:
        "面向考研学生的 AI 作文批改小程序：学生上传作文，AI 给出评分和修改建议。月付 25 元，付费转化率约 4%，月流失率 10%，获客成本每个付费用户约 80 元。目标市场约 30 万考研学生。",
    },
  },
  {
    id: "toc-cac-zh-no-cac",
    about: "toc-cac-zh without its CAC clause",
    input: {
      description:
        "面向考研学生的 AI 作文批改小程序：学生上传作文，AI 给出评分和修改建议。月付 25 元，付费转化率约 4%，月流失率 10%。目标市场约 30 万考研学生。",
    },
  },
  {
    id: "seats-saas-en",
    about: "per-seat B2B SaaS with a sales cycle and CAC",
    input: {
      description:
        "We sell an AI meeting-notes assistant to mid-size companies: it transcribes video meetings and writes the summary and action items. $30 per seat per month; a typical customer buys 50 seats. Sales cycle 3 months, customer acquisition cost about $8,000 per customer. We target 200 customers.",
    },
  },
  {
    id: "seats-saas-en-no-cac",
    about: "seats-saas-en without its CAC clause",
    input: {
      description:
        "We sell an AI meeting-notes assistant to mid-size companies: it transcribes video meetings and writes the summary and action items. $30 per seat per month; a typical customer buys 50 seats. Sales cycle 3 months. We target 200 customers.",
    },
  },
  {
    id: "call-centre-en",
    about: "call-centre assistant: transcription, retrieval, after-call summary",
    input: {
      usage: { users: 300, interactionsPerUserPerDay: 16 },
      description:
        "Our insurance call centre has 300 agents. During each phone call the assistant transcribes the conversation live, suggests answers from our 2,000 knowledge-base articles, and writes the after-call summary into the CRM. Calls last about 30 minutes; each agent handles 16 calls a day. Agents review the summary before saving.",
    },
  },
  {
    id: "triage-zh",
    about: "nurse-reviewed triage: every output is reviewed by a nurse (a free service for patients)",
    input: {
      market: "toC",
      humanReview: "always",
      usage: { users: 400, interactionsPerUserPerDay: 1 },
      description:
        "医院互联网门诊的免费分诊助手：患者在小程序里描述症状，AI 给出分诊级别和建议科室，每一条分诊建议都由护士审核确认后才发给患者。每天约 400 位患者咨询，20 名护士轮班审核。",
    },
  },
  {
    id: "coding-agent-en",
    about: "coding agent: runs of many steps over a repository",
    input: {
      tasks: ["code", "agent_workflow"],
      usage: { users: 80, interactionsPerUserPerDay: 3 },
      description:
        "An internal coding agent: it takes a ticket, reads the repository, edits code across files, runs the tests and opens a pull request that an engineer reviews. 80 engineers, each handing it about 3 tickets a day.",
    },
  },
  {
    id: "brand-voice-en",
    about: "brand-voice generator with examples on hand; copywriters edit every draft",
    input: {
      humanReview: "always",
      data: { labeledExamples: 5000 },
      usage: { users: 10, interactionsPerUserPerDay: 14 },
      description:
        "Write product descriptions and social posts in our brand voice for about 3,000 new products a month. We have 5,000 past descriptions our copywriters approved. 10 copywriters edit every draft before it is published.",
    },
  },
  {
    id: "extraction-en",
    about: "extraction pipeline over scanned invoices, with labelled examples",
    input: {
      tasks: ["extraction"],
      usage: { users: 20, interactionsPerUserPerDay: 90 },
      description:
        "Extract 25 fields (supplier, dates, line items, totals, tax) from scanned supplier invoices into our ERP. About 40,000 invoices a month, 2 pages each on average. We have 8,000 invoices already labelled by the finance team; clerks check a 10% sample.",
    },
  },
  {
    id: "startup-en",
    about: "two-person startup with a deadline and a budget",
    input: {
      description:
        "We are 2 engineers with 8 weeks and a budget of $40,000 to launch an AI résumé reviewer for job seekers: upload a résumé and get rewrite suggestions. $9 a month subscription.",
    },
  },
  {
    id: "startup-zh",
    about: "two-person team with a deadline and a budget (Chinese)",
    input: {
      description: "我们是 2 名工程师的小团队，要在 8 周内上线一个帮小红书博主写笔记文案的 AI 工具，预算 50 万元，月付 19 元。",
    },
  },
  {
    id: "public-service-en",
    about: "a free public service: a city council chatbot",
    input: {
      market: "toC",
      usage: { users: 50000, interactionsPerUserPerDay: 0.1 },
      description:
        "A free chatbot on the city council website that answers residents' questions about bin collection, parking permits and council tax from our 3,000 web pages. About 50,000 residents use it each month.",
    },
  },
  {
    id: "support-bot-zh",
    about: "a support bot over a knowledge base, stated with no business figure",
    input: { description: "我们有一个知识库，做一个客服机器人回答用户问题。" },
  },
  {
    id: "hr-minutes-en",
    about: "internal savings stated as minutes per question",
    input: {
      description:
        "An HR assistant answers employees' questions about leave, benefits and expenses from our 400 policy pages. 2,000 employees, each asking about twice a week; each answer saves about 20 minutes per question.",
    },
  },
  {
    id: "onprem-72b-zh",
    about: "a 72B open model on premises in China",
    input: {
      usage: { users: 200, interactionsPerUserPerDay: 20 },
      description:
        "银行要求数据不出行，在本地机房部署 Qwen2.5-72B 开源模型，为信贷员生成贷前调查报告摘要。200 名信贷员，每人每天约 20 份报告。",
    },
  },
  {
    id: "docs-100m-en",
    about: "retrieval over 100 million documents",
    input: {
      description:
        "Let our 5,000 lawyers search and ask questions over the firm's archive of 100 million documents, with answers that cite the passages they come from.",
    },
  },
  {
    id: "long-doc-en",
    about: "long documents: 150-page contracts summarised",
    input: {
      usage: { users: 40, interactionsPerUserPerDay: 5 },
      description:
        "Summarise 150-page supplier contracts into a two-page brief of obligations, penalties and renewal dates for our procurement team of 40 people, about 5 contracts each a day.",
    },
  },
  {
    id: "logo-pick-en",
    about: "users pick 1 of 4 candidates (the seed's Midjourney example)",
    input: {
      usage: { users: 20000, interactionsPerUserPerDay: 2 },
      description:
        "A consumer logo generator: each request shows 4 candidate logos and the user picks one to download in high resolution. 20,000 users, each making about 2 requests a day; $8 a month.",
    },
  },
];

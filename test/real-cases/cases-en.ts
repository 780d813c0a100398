import { PREFERENCE, TUNING, type RealCase } from "./types";

// Publicly documented deployments outside China, described as their product managers would have before launch.
// Every fact in an input comes from the sources or is named in `notes` as an assumption.

export const EN_CASES: readonly RealCase[] = [
  {
    id: "air-canada-fare-assistant",
    locale: "en",
    outcome: "failure",
    year: 2022,
    happened:
      "The website chatbot told a bereaved traveller he could claim a bereavement fare retroactively; the airline's policy said otherwise. In Moffatt v. Air Canada (2024 BCCRT 149) the tribunal held the airline liable for what its chatbot said.",
    sources: [
      {
        title: "NotBot (Moffatt v. Air Canada, 2024 BCCRT 149, reasons quoted)",
        url: "https://barnoldlaw.blogspot.com/2024/02/notbot.html",
        publisher: "barnoldlaw blog",
        date: "2024-02-18",
        dateKind: "published",
        quote:
          "While researching flights, Mr. Moffat used a chatbot on Air Canada's website. The chatbot suggested Mr. Moffatt could apply for bereavement fares retroactively. ... For the reasons that follow, I mostly allow Mr. Moffatt's claim.",
      },
      {
        title: "Air Canada chatbot decision",
        url: "https://dailyhive.com/canada/air-canada-chatbot-decision",
        publisher: "Daily Hive",
        date: "2024-02-15",
        dateKind: "published",
        quote:
          'The airline ... adding that it "cannot be held liable for the information provided by the chatbot" and urging small claims to dismiss the flyer\'s claim.',
      },
    ],
    input: {
      title: "Virtual assistant for fares, changes and refunds on the website",
      description:
        "We want a virtual assistant on our website that answers travellers' questions about fares, baggage, changes, cancellations and refunds, including special cases such as bereavement travel. Everything it needs is already published: our fare rules pages and the domestic tariff. It should answer in English and French, around the clock, and link to the relevant page. Travellers see the answer straight away; no agent reads the conversations, although a traveller can always call the contact centre. The goal is to take routine questions off the contact centre's phone lines.",
      locale: "en",
      industry: "other",
      market: "toC",
      tasks: ["qa", "conversation"],
      knowledge: ["private_documents"],
      stakes: "medium",
      humanReview: "none",
      deployment: "cloud_api",
    },
    notes:
      "The PM's stakes of 'medium' is an assumption: the airline treated the bot as informational. Volumes and costs are not public and are left out.",
    expected: {
      verdict: "pilot",
      primaryTier: 2,
      needs: ["rag"],
      mustNotLead: TUNING,
      stakes: "high",
      why: "Answers about fares and refunds must stay faithful to the published tariff: retrieval with quoted passages and links, refusal outside the corpus, and a hand-off for eligibility questions. What the assistant tells the public about money binds the company, so stakes are high and the launch should be a pilot gated on an eval of policy questions. Nothing here calls for fine-tuning.",
    },
  },
  {
    id: "nyc-mycity-business-chatbot",
    locale: "en",
    outcome: "failure",
    year: 2023,
    happened:
      "Launched in October 2023; in March 2024 reporters found it told business owners they could take workers' tips, refuse cash and turn away housing-voucher tenants, all illegal. The city added a disclaimer; the next administration moved to shut it down.",
    sources: [
      {
        title: "New York business owners given illegal advice by AI",
        url: "https://newscop.com.au/2024/04/06/new-york-business-owners-given-illegal-advice-by-ai/",
        publisher: "NewsCop",
        date: "2024-04-06",
        dateKind: "published",
        quote:
          'MyCity is powered by Microsoft\'s Azure AI. The chatbot was promoted as providing "actionable and trusted information". Some of the financial advice that MyCity has provided has been to "take a cut of worker\'s tips"',
      },
      {
        title: "NYC's MyCity chatbot told business owners to break the law",
        url: "https://inventoria-app.com/blog/nyc-mycity-chatbot-failure",
        publisher: "InventorIA",
        date: "2026-05-07",
        dateKind: "published",
        quote:
          'Launched in October 2023 by Mayor Eric Adams, MyCity was the first major US-city public-facing GenAI assistant. ... The successor administration signaled intent to kill the project, calling it "functionally unusable"',
      },
      {
        title: "Case Study of NYC's MyCity Chatbot Giving Wrong Legal Advice",
        url: "https://www.envive.ai/post/case-study-nycs-mycity-chatbot",
        publisher: "Envive",
        date: "2024",
        dateKind: "event",
        quote: "The chatbot, built on Microsoft Azure AI and trained on over 2,000 NY web pages, didn't just make occasional errors.",
      },
    ],
    input: {
      title: "MyCity Business assistant for small-business owners",
      description:
        "New York City will offer small-business owners an assistant on the MyCity portal that answers questions about starting and running a business: permits and licences, hiring, wages and tips, scheduling, accepting payments, and renting to tenants. It draws on the more than 2,000 pages of NYC Business content the city already publishes. Owners get an answer immediately, in plain language, any time of day, instead of searching agency websites or calling. Answers are not reviewed by city staff before they are shown. It runs on Microsoft's Azure AI services.",
      locale: "en",
      industry: "government",
      market: "toC",
      tasks: ["qa", "conversation"],
      knowledge: ["vertical_expertise"],
      data: { documents: 2000 },
      stakes: "medium",
      humanReview: "none",
      deployment: "cloud_api",
    },
    notes:
      "The knowledge kind 'vertical_expertise' is how a PM would label city rules; the corpus is public web pages. The PM's 'medium' stakes is an assumption.",
    expected: {
      verdict: "rethink",
      primaryTier: 2,
      needs: ["rag"],
      mustNotLead: TUNING,
      stakes: "high",
      why: "As scoped, an official city service tells the public what is legal in employment and housing law with no review: that is legal advice from an authoritative source, so stakes are high. Rethink the scope before building: answer with quoted city rules retrieved from the corpus and links, refuse legal determinations, route those to the agency, and gate launch on an attorney-reviewed question set. Vertical facts mean retrieval, not fine-tuning.",
    },
  },
  {
    id: "chevrolet-dealer-sales-chatbot",
    locale: "en",
    outcome: "failure",
    year: 2023,
    happened:
      "On 18 December 2023 a user instructed the dealership's ChatGPT-based bot to agree with anything and call it a legally binding offer; it agreed to sell a 2024 Tahoe for $1. Screenshots went viral and the bot was taken down; no sale took place.",
    sources: [
      {
        title: "Chevrolet of Watsonville: $1 Tahoe Chatbot Binding Offer",
        url: "https://www.makerchecker.ai/insights/chevrolet-watsonville-1-dollar-tahoe-binding-offer/",
        publisher: "MakerChecker",
        date: "2023-12-18",
        dateKind: "event",
        quote:
          "On 18 December 2023, a ChatGPT-powered customer service chatbot on the Chevrolet of Watsonville website was steered into agreeing to sell a 2024 Chevy Tahoe for one dollar. The bot, supplied by the dealer technology vendor Fullpath ... The chatbot was disabled after the screenshots circulated.",
      },
      {
        title: "Save a buck and sell your soul: chatbots can expose your dealership",
        url: "https://autointel.blog/2024/11/04/save-a-buck-and-sell-your-soul-chatbots-can-expose-your-dealership",
        publisher: "AutoIntel",
        date: "2024-11-04",
        dateKind: "published",
        quote:
          "The chatbot couldn't be more helpful, stating \"that's a deal, and that's a legally binding offer – no takesies backsies.\"",
      },
    ],
    input: {
      title: "ChatGPT sales assistant on the dealership website",
      description:
        "Our dealership's website will get a ChatGPT-powered chat assistant from our dealer-technology vendor. It answers shoppers' questions about the vehicles we have in stock, prices, financing and trade-ins, talks through offers the way a salesperson would, and tries to book a test drive or a visit. It works evenings and weekends when the sales floor is closed. Nobody at the dealership watches the chats live; leads and transcripts land in our CRM the next morning.",
      locale: "en",
      industry: "retail_ecommerce",
      market: "toC",
      tasks: ["conversation", "qa"],
      knowledge: ["structured_data", "private_documents"],
      stakes: "low",
      humanReview: "none",
      deployment: "cloud_api",
    },
    notes: "The vendor (Fullpath) and the ChatGPT base are sourced; the CRM hand-over is an assumption of how leads would arrive.",
    expected: {
      verdict: "rethink",
      primaryTier: 2,
      needs: ["rag"],
      mustNotLead: TUNING,
      stakes: "high",
      why: "A public, unmonitored bot that 'talks through offers' can make statements a customer reads as a price commitment, and any visitor can inject instructions: stakes are high. Rethink the role: answer from inventory and FAQ content by retrieval and lookups, state prices only from the inventory system, never negotiate or confirm a deal, and hand off to staff for any offer.",
    },
  },
  {
    id: "dpd-parcel-chat-genai-update",
    locale: "en",
    outcome: "rollback",
    year: 2024,
    happened:
      "After a system update in January 2024 a customer got the parcel chatbot to swear and write a poem about how bad DPD is; the post was seen about a million times. DPD disabled the AI element the same day.",
    sources: [
      {
        title: "DPD disables AI chatbot after it swears at customer",
        url: "https://www.silicon.co.uk/e-innovation/artificial-intelligence/dpd-disable-ai-chatbot-546650",
        publisher: "Silicon UK",
        date: "2024-01",
        dateKind: "event",
        quote:
          '"We have operated an AI element within the chat successfully for a number of years," DPD said in a statement. "An error occurred after a system update yesterday. The AI element was immediately disabled and is currently being updated."',
      },
      {
        title: "DPD chatbot blasts courier company, swears, and dabbles in awful poetry",
        url: "https://www.theregister.com/2024/01/23/dpd_chatbot_goes_rogue/?td=readmore",
        publisher: "The Register",
        date: "2024-01-23",
        dateKind: "published",
        quote:
          'Musician Ashley Beauchamp just wanted to "speak to someone" when he realized that the courier\'s chatbot could be manipulated',
      },
    ],
    input: {
      title: "Generative answers in the parcel-tracking chat",
      description:
        "Our online chat has used an AI element alongside human operators for several years to help customers track parcels. This update adds a generative language model so the chat can answer free-form questions about deliveries, missed parcels, redelivery and complaints in natural language instead of fixed menus. Parcel status comes from our tracking system. Replies go to customers directly; human operators take over when the customer asks for one or the bot cannot help.",
      locale: "en",
      industry: "other",
      market: "toC",
      tasks: ["conversation", "qa"],
      knowledge: ["structured_data", "private_documents"],
      stakes: "low",
      humanReview: "none",
      deployment: "cloud_api",
    },
    notes:
      "Which vendor model was used is not public. The hand-over rule is an assumption based on the chat having worked 'alongside human operators'.",
    expected: {
      verdict: "pilot",
      primaryTier: 2,
      needs: ["rag"],
      mustNotLead: TUNING,
      stakes: "medium",
      why: "Delivery answers are grounded in tracking data and help content (retrieval and lookups); the model adds phrasing, not facts. No money or legal commitment flows through it, so stakes are medium (brand damage), but unreviewed public output needs adversarial red-team tests and a topic guard before each release: a pilot, with the gate 'no off-brand or off-topic output on the red-team set'.",
    },
  },
  {
    id: "mata-avianca-chatgpt-legal-research",
    locale: "en",
    outcome: "failure",
    year: 2023,
    happened:
      "Lawyers filed an opposition brief citing six cases ChatGPT had invented, then stood by them when questioned; in June 2023 Judge Castel sanctioned them $5,000 (Mata v. Avianca, S.D.N.Y.).",
    sources: [
      {
        title: "Mata v. Avianca (glossary entry)",
        url: "https://lawyerai.directory/glossary/mata-v-avianca",
        publisher: "LawyerAI Directory",
        date: "2023-06-22",
        dateKind: "event",
        quote:
          "sanctioned $5,000 by Judge P. Kevin Castel for submitting a legal brief containing citations to six cases that did not exist. The fabricated citations were generated by ChatGPT, which attorney Schwartz had used to conduct legal research without verifying the existence of the cited authorities.",
      },
      {
        title: "What Mata v. Avianca actually said about lawyers using AI",
        url: "https://jurislabs.io/insights/what-mata-v-avianca-said-about-ai",
        publisher: "JurisLabs",
        date: "2026-05-30",
        dateKind: "published",
        quote:
          '"Technological advances are commonplace and there is nothing inherently improper about using a reliable artificial intelligence tool for assistance. But existing rules impose a gatekeeping role on attorneys to ensure the accuracy of their filings."',
      },
    ],
    input: {
      title: "ChatGPT for case-law research and brief drafting",
      description:
        "Our personal-injury practice wants attorneys to use ChatGPT to research case law and draft sections of motions and opposition briefs. An attorney describes the legal question, for example how the Montreal Convention's limitation period applies, and asks for supporting federal decisions with citations and quotations, then adapts the text into the brief. The attorney of record reviews and signs every filing. We do not subscribe to a federal case-law database, so this would also fill that gap.",
      locale: "en",
      industry: "legal",
      market: "internal",
      tasks: ["qa", "generation"],
      knowledge: ["vertical_expertise"],
      stakes: "medium",
      humanReview: "always",
      deployment: "cloud_api",
    },
    notes:
      "The firm's lack of a federal case-law subscription is an assumption (widely reported but not in the stored sources). The Montreal Convention question is the one the brief argued, per the sources.",
    expected: {
      verdict: "rethink",
      primaryTier: 2,
      needs: ["rag"],
      mustNotLead: TUNING,
      stakes: "high",
      why: "A general chat model is not a case-law database: citations must be retrieved from a real corpus (a reporter or citator) and every authority checked before filing, so the plan must lead with retrieval over case law, not free generation. Court filings carry sanctions and client harm: high stakes. As described (a chatbot instead of a research database) it should be rethought; fine-tuning would not stop invented citations.",
    },
  },
  {
    id: "neda-tessa-helpline-bot",
    locale: "en",
    outcome: "rollback",
    year: 2023,
    happened:
      "NEDA planned to close its staffed helpline on 1 June 2023 and keep the Tessa chatbot; days before, users showed Tessa advising calorie deficits and weekly weigh-ins. NEDA took it offline.",
    sources: [
      {
        title: "National Eating Disorders Association pulls chatbot after users say it gave harmful dieting tips",
        url: "https://www.nbcnews.com/tech/neda-pulls-chatbot-eating-advice-rcna87231",
        publisher: "NBC News",
        date: "2023-05-31",
        dateKind: "event",
        quote:
          'They said Tessa gave them advice on how to count calories, recommended they lose 1 to 2 pounds per week and told them to restrict their diets. ... Tessa "underwent rigorous testing for several years" before quietly launching in February 2022.',
      },
      {
        title: "Chatbot set to replace US eating disorder helpline pulled for pushing diets",
        url: "https://www.morningbrew.com/daily/stories/2023/05/31/chatbot-set-to-replace-us-eating-disorder-helpline-pulled-for-pushing-diets",
        publisher: "Morning Brew",
        date: "2023-05-31",
        dateKind: "published",
        quote: "In March, the NEDA told its six helpline employees and 200 volunteers that their roles were being replaced by Tessa",
      },
    ],
    input: {
      title: "Tessa chatbot as our main support channel",
      description:
        "We will close the staffed helpline on June 1 and make Tessa, our wellness chatbot, the main way people reach us for support. Tessa has run our Body Positive prevention program alongside the helpline since 2022 and went through several years of testing. People who contact us include those living with eating disorders, their families, and people in distress. Conversations are automated end to end; our six helpline staff and about 200 volunteers will no longer answer contacts.",
      locale: "en",
      industry: "healthcare",
      market: "toC",
      tasks: ["conversation"],
      knowledge: ["private_documents"],
      stakes: "medium",
      humanReview: "none",
      deployment: "cloud_api",
    },
    notes:
      "Tessa was built by a vendor (Cass/X2AI); whether its later answers came from a generative component is disputed. The PM's 'medium' is an assumption.",
    expected: {
      verdict: "no_go",
      primaryTier: 2,
      needs: [],
      mustNotLead: TUNING,
      stakes: "critical",
      why: "Replacing a staffed helpline for people with eating disorders by an unreviewed bot puts a vulnerable population, some in crisis, in front of automated health advice with no human in reach: critical stakes. No technique tier mitigates removing the human service; a bot may support a scripted program beside staffed help, never replace it.",
    },
  },
  {
    id: "klarna-customer-service-assistant",
    locale: "en",
    outcome: "mixed",
    year: 2024,
    happened:
      "In its first month the assistant handled 2.3 million chats, two-thirds of the total, with satisfaction on par with agents. By May 2025 Klarna conceded quality had suffered on complex cases and began hiring human agents again.",
    sources: [
      {
        title: "Klarna's AI does the work of 700 people. What's that really mean?",
        url: "https://www.americanbanker.com/payments/news/klarnas-ai-does-the-work-of-700-people-whats-that-really-mean",
        publisher: "American Banker",
        date: "2024-02",
        dateKind: "event",
        quote:
          "In the month since the call-center bot's deployment, Klarna says it performed 2.3 million conversations, or 66% of Klarna's customer service engagements. It is on par with human agents in terms of customer satisfaction scoring",
      },
      {
        title: "Klarna's AI U-turn: key learnings about reliable AI adoption in CS",
        url: "https://www.acefone.com/blog/klarnas-ai-u-turn-key-learnings-about-reliable-ai-adoption-in-cs",
        publisher: "Acefone",
        date: "2025-05",
        dateKind: "event",
        quote:
          "However, by May 2025, Klarna had to reverse their course of action. Recognizing the limitations of an AI-only approach, the company began rehiring human agents to ensure customers could speak with a real person.",
      },
    ],
    input: {
      title: "AI assistant for customer service chats in the app",
      description:
        "We are launching an AI assistant, built on OpenAI models, that answers customer service chats in our app across 23 markets and more than 35 languages. It can look up the customer's own purchases and payments, explain their balance and payment schedule, and start returns and refunds; disputes and anything it cannot resolve go to a human agent. We expect it to take about two-thirds of chat volume, the work of roughly 700 full-time agents, and to cut the average resolution time from 11 minutes to under 2.",
      locale: "en",
      industry: "finance",
      market: "toC",
      tasks: ["conversation", "qa", "agent_workflow", "translation"],
      knowledge: ["private_documents", "structured_data"],
      stakes: "medium",
      humanReview: "none",
      deployment: "cloud_api",
    },
    notes:
      "The expected share, FTE equivalent and resolution times are Klarna's reported first-month results, stated here as the PM's targets (an assumption about what was planned).",
    expected: {
      verdict: "pilot",
      primaryTier: 2,
      needs: ["rag", "agent"],
      mustNotLead: ["text_to_sql", ...TUNING],
      stakes: "high",
      why: "Answers come from help content (retrieval) and from one customer's orders and payments (lookups through tools, not free text-to-SQL); starting refunds makes it an agent whose writes need rules, reversible steps and a hand-off. Refunds, disputes and repayment terms for a regulated lender are high stakes, so scale by intent: a pilot gated on complex-case satisfaction and error rates, not on overall volume.",
    },
  },
  {
    id: "morgan-stanley-advisor-assistant",
    locale: "en",
    outcome: "success",
    year: 2023,
    happened:
      "After a pilot with about 300 advisors, the GPT-4 assistant over the firm's research library was rolled out to about 16,000 financial advisors in 2023; the firm reports near-universal adoption by advisor teams.",
    sources: [
      {
        title: "Morgan Stanley Wealth Management LLM rollout (case study)",
        url: "https://www.compelframework.org/articles/casestudy-morgan-stanley-wealth-management-llm-rollout",
        publisher: "COMPEL framework",
        date: "2023-03",
        dateKind: "event",
        quote:
          "The announcement followed a pilot that Morgan Stanley had been running since 2022, during which approximately 300 financial advisors had access to an earlier GPT-4 prototype ... was extended to approximately 16,000 financial advisors at the firm",
      },
      {
        title: "Case Study 2: Morgan Stanley's AI Assistant — RAG for Wealth Management",
        url: "https://datafield.dev/ai-ml-for-business/part-04/chapter-21/case-study-02.html",
        publisher: "datafield.dev",
        date: "2023-09",
        dateKind: "event",
        quote:
          "the assistant used Retrieval-Augmented Generation to search across Morgan Stanley's vast library of proprietary research ... approximately 100,000 documents and one million pages of institutional knowledge.",
      },
    ],
    input: {
      title: "Research assistant for financial advisors",
      description:
        "Our 16,000 financial advisors spend a lot of time searching research reports, market commentary, product specifications and internal procedures to answer client questions. We will give them an internal assistant, built with OpenAI's GPT-4, that answers their questions in natural language from our library of about 100,000 documents and shows the source documents behind each answer. Advisors use the answers to prepare client conversations; nothing goes to clients automatically. About 300 advisors have used a prototype.",
      locale: "en",
      industry: "finance",
      market: "internal",
      tasks: ["qa", "summarization"],
      knowledge: ["private_documents"],
      data: { documents: 100000 },
      stakes: "medium",
      humanReview: "always",
      deployment: "cloud_api",
      usage: { users: 16000 },
    },
    notes: "'humanReview: always' reflects that advisors read every answer before using it; they are the reviewers.",
    expected: {
      verdict: "go",
      primaryTier: 2,
      needs: ["rag"],
      mustNotLead: TUNING,
      stakes: "medium",
      why: "Answers must be faithful to a private corpus and cite it: retrieval is the tier-2 technique the ladder names, and fine-tuning on research that changes daily would go stale. Expert internal users read every answer and nothing reaches clients automatically, so stakes are medium; with a prototype already used by 300 advisors and an eval set, the rollout is a go.",
    },
  },
  {
    id: "github-copilot-code-completion",
    locale: "en",
    outcome: "success",
    year: 2022,
    happened:
      "In GitHub's controlled experiment (95 professional developers, 2022) the group with Copilot finished an HTTP-server task 55.8% faster; Copilot became generally available in 2022 and widely adopted.",
    sources: [
      {
        title: "Study Reveals GitHub Copilot Improves Developer Productivity by 55.8%",
        url: "https://blog.finxter.com/study-reveals-github-copilot-improves-developer-productivity-by-55-8/",
        publisher: "Finxter",
        date: "2023",
        dateKind: "event",
        quote:
          "The controlled study, using GitHub Copilot as an AI pair programmer, found that developers with access to this technology were able to complete a task 55.8% faster than those without. ... From the mid-May to late June 2022 ... 95 code-slinging professionals were rounded up from Upwork",
      },
      {
        title: "Microsoft Research / GitHub 2023 — developers with Copilot complete a JavaScript task 55.8% faster",
        url: "https://peopleanalyst.com/ai/insights/ic-microsoft-2023-copilot-55-pct-faster-js",
        publisher: "peopleanalyst",
        date: "2023",
        dateKind: "event",
        quote:
          "developers with access to GitHub Copilot completed an HTTP-server JavaScript task 55.8% faster than developers in the no-Copilot control group",
      },
    ],
    input: {
      title: "AI pair programmer in the code editor",
      description:
        "An editor extension that suggests the next lines or whole functions as a developer types, using a code model from OpenAI and the code around the cursor as context. The developer sees each suggestion greyed out and accepts it with a key or keeps typing; accepted code goes through the team's usual review and tests. We sell it per seat to individual developers and companies.",
      locale: "en",
      industry: "internet",
      market: "toB",
      tasks: ["code"],
      knowledge: ["general"],
      stakes: "medium",
      humanReview: "always",
      deployment: "cloud_api",
    },
    notes:
      "The per-seat model is Copilot's public pricing model; figures are left out. The code model was trained by OpenAI (Codex), not by the product team.",
    expected: {
      verdict: "go",
      primaryTier: 1,
      needs: ["prompt_engineering"],
      mustNotLead: TUNING,
      stakes: "medium",
      why: "The product team's work is tier 1: building the prompt from the editor context around a capable code model; the developer accepts or rejects every suggestion and code review follows, so stakes are medium (bugs or insecure code that slips through review). The controlled experiment already shows the bar is met; training a model is the model vendor's job, not this plan's.",
    },
  },
  {
    id: "duolingo-max-explain-roleplay",
    locale: "en",
    outcome: "success",
    year: 2023,
    happened:
      "Duolingo Max launched in March 2023 with Explain My Answer and Roleplay on GPT-4, as a subscription tier above Super; the features were later extended to more languages.",
    sources: [
      {
        title: "Duolingo: Partnering with OpenAI for More Personalized Language Learning",
        url: "https://www.innovationleader.com/topics/articles-and-content-by-topic/scouting-trends-and-tech/duolingo-partnering-with-openai/",
        publisher: "Innovation Leader",
        date: "2023-07-07",
        dateKind: "published",
        quote:
          "it has also recently integrated OpenAI's GPT-4 technology into its premium Duolingo Max offering, to provide new interactive features, such as role playing scenarios to practice language use.",
      },
      {
        title: "How Duolingo uses AI to create Roleplay practice",
        url: "https://making.duolingo.com/chatbot-language-practice/",
        publisher: "Duolingo",
        date: "2023",
        dateKind: "event",
        quote:
          "They're a complex system of prompts, meticulously developed by a team of engineers, designers, linguists, and product managers.",
      },
      {
        title: "Duolingo Max: GPT-4 revolutioniert Sprachunterricht",
        url: "https://reruption.com/de/knowledge/industrie-fallbeispiele/duolingo-max-gpt-4-revolutioniert-sprachunterricht",
        publisher: "Reruption",
        date: "2023-03-14",
        dateKind: "event",
        quote: "Duolingo kündigte Duolingo Max am 14. März 2023 an ... Kostenmanagement (ausgeglichen durch Max-Abonnements zu 30 $/Monat)",
      },
    ],
    input: {
      title: "Duolingo Max: explanations and role-play conversations",
      description:
        "A new subscription tier above Super with two features built on GPT-4. Explain My Answer: after an exercise, the learner can ask why their answer was right or wrong and get a short explanation with examples, choosing from a few follow-up buttons. Roleplay: the learner has a short conversation with one of our characters in a set scenario, such as ordering coffee or planning a trip, and gets feedback at the end. Our learning designers and linguists write the scenarios and the prompts. The tier is priced at about $30 a month.",
      locale: "en",
      industry: "education",
      market: "toC",
      tasks: ["conversation", "generation"],
      knowledge: ["general"],
      stakes: "low",
      humanReview: "none",
      deployment: "cloud_api",
      business: { currency: "USD", pricePerUserMonth: 30 },
    },
    notes: "Price from the Reruption write-up ($30/month). Subscriber numbers and conversion are not public and are left out.",
    expected: {
      verdict: "go",
      primaryTier: 1,
      needs: ["prompt_engineering"],
      mustNotLead: TUNING,
      stakes: "low",
      why: "Both features work on the exercise and scenario given in the prompt: tier 1 prompting (designed prompts, examples, constrained follow-ups) reaches the bar, as the team's own write-up shows. A wrong explanation costs a learner little and the follow-ups are constrained, so stakes are low and the plan is a go; fine-tuning would only be a gated option for cost at scale.",
    },
  },
  {
    id: "khanmigo-ai-tutor",
    locale: "en",
    outcome: "mixed",
    year: 2023,
    happened:
      "Khanmigo launched in March 2023 to a pilot of about 800 educators and students and grew to more than 8,000 teachers and students in school districts that autumn; reports praised its Socratic tutoring and noted maths mistakes and unproven learning gains.",
    sources: [
      {
        title: "Meet your new AI tutor",
        url: "https://primeenews.com/2023/08/21/meet-your-new-ai-tutor",
        publisher: "CNN (via PrimeeNews)",
        date: "2023-08-21",
        dateKind: "published",
        quote:
          "More than 8,000 teachers and students will test education nonprofit Khan Academy's artificial intelligence tutor in the classroom this upcoming school year ... First launched in March to an even smaller pilot program of around 800 educators and students",
      },
      {
        title: "Khan Academy's AI Tutor Bot Aims to Reshape Learning",
        url: "https://newsflash.one/2023/06/09/khan-academys-ai-tutor-bot-aims-to-reshape-learning/",
        publisher: "The New York Times (via newsflash.one)",
        date: "2023-06-09",
        dateKind: "published",
        quote:
          "Such unproven automated tutoring systems could also make errors, foster cheating, diminish the role of teachers or hinder critical thinking in schools",
      },
    ],
    input: {
      title: "Khanmigo: AI tutor for students and assistant for teachers",
      description:
        "Khanmigo is an AI tutor built on GPT-4 that sits beside our exercises and videos. With students it works like a Socratic tutor: it asks guiding questions and does not hand over the answer. For teachers it drafts lesson plans and rubrics. School districts license it for their classrooms; students are mostly middle and high schoolers. Teachers can see their students' conversations and conversations are moderated for safety. We plan to take it from about 800 pilot users to over 8,000 teachers and students this school year.",
      locale: "en",
      industry: "education",
      market: "toB",
      tasks: ["conversation", "qa", "generation"],
      knowledge: ["private_documents"],
      stakes: "medium",
      humanReview: "sampled",
      deployment: "cloud_api",
      usage: { users: 8000 },
    },
    notes:
      "District licensing as the market is from the sources' 'school districts'; price per seat is left out. The student age range is an assumption (middle and high school).",
    expected: {
      verdict: "pilot",
      primaryTier: 2,
      needs: ["rag"],
      mustNotLead: TUNING,
      stakes: "high",
      why: "The tutor must stay faithful to the exercise and its worked solution (retrieval from the content library) and must not teach wrong maths to minors: stakes are high. Teachers see conversations only after the fact, so the right step is a classroom pilot gated on an error audit of tutoring transcripts before district-wide rollout.",
    },
  },
  {
    id: "be-my-eyes-virtual-volunteer",
    locale: "en",
    outcome: "success",
    year: 2023,
    happened:
      "Announced on 14 March 2023 with GPT-4's image input, previewed by about 100 users, then released as Be My AI; blind users praised it, though privacy rules later blurred faces.",
    sources: [
      {
        title: "Beyond chatbots: latest AI breakthrough is a real eye-opener",
        url: "https://www.bostonglobe.com/2023/03/19/business/beyond-chatbots-latest-ai-breakthrough-is-real-eye-opener/",
        publisher: "The Boston Globe",
        date: "2023-03-19",
        dateKind: "published",
        quote:
          "OpenAI still hasn't made GPT-4's image recognition features available to the public. But about 100 users of Be My Eyes are getting a preview",
      },
      {
        title: "2023: Be My Eyes and GPT-4 vision",
        url: "https://centerconsulting.com/ai-library/milestones/2023-be-my-eyes-gpt4v",
        publisher: "Center Consulting AI library",
        date: "2023-03-14",
        dateKind: "event",
        quote:
          'Be My Eyes announced Virtual Volunteer, which it described as "the first-ever digital visual assistant powered by OpenAI\'s new GPT-4 language model."',
      },
    ],
    input: {
      title: "Virtual Volunteer: GPT-4 describes photos for blind users",
      description:
        "Be My Eyes connects blind and low-vision people with sighted volunteers over live video. We will add a Virtual Volunteer: the user takes a photo and asks anything about it, and GPT-4 answers conversationally, reading labels and menus, describing a room or an outfit, and answering follow-up questions. Calling a human volunteer stays one tap away. We start with a preview for about 100 users before opening it to our community.",
      locale: "en",
      industry: "other",
      market: "toC",
      tasks: ["multimodal", "qa", "conversation"],
      knowledge: ["general"],
      stakes: "medium",
      humanReview: "none",
      deployment: "cloud_api",
      usage: { users: 100 },
    },
    notes: "The service is free to users; no business figures are given.",
    expected: {
      verdict: "pilot",
      primaryTier: 1,
      needs: ["prompt_engineering"],
      mustNotLead: TUNING,
      stakes: "high",
      why: "The photo and the question are the whole context, so tier 1 prompting on a vision model is the technique. Users who cannot see the scene cannot check the answer and may act on it (medicines, expiry dates, streets): stakes are high, so a preview with clear limits and the human volunteer one tap away, gated on an error review, comes before wide release.",
    },
  },
  {
    id: "epic-mychart-draft-replies",
    locale: "en",
    outcome: "mixed",
    year: 2023,
    happened:
      "UC San Diego, UW Health and Stanford piloted Epic/Microsoft drafts from April 2023 with clinicians reviewing every draft. A JAMA Network Open study (April 2024) found drafts more empathetic but no reduction in physicians' reply time.",
    sources: [
      {
        title: "Why UC San Diego Health is piloting Epic, Microsoft's AI integration",
        url: "https://www.beckershospitalreview.com/ehrs/why-uc-san-diego-health-is-piloting-epic-microsofts-ai-integration.html",
        publisher: "Becker's Hospital Review",
        date: "2023-05",
        dateKind: "event",
        quote: "it will use the AI cautiously and will have clinicians review all of its responses before they are sent to patients.",
      },
      {
        title: "AI helping UC San Diego physicians draft more empathetic responses",
        url: "https://www.beckershospitalreview.com/ehrs/ai-helping-uc-san-diego-physicians-draft-more-empathetic-responses.html",
        publisher: "Becker's Hospital Review",
        date: "2024-04-15",
        dateKind: "published",
        quote:
          'found the tool did not reduce physician response time to messages, but it was able to start an empathetic draft ... "Our physicians receive about 200 messages a week."',
      },
    ],
    input: {
      title: "Draft replies to patient portal messages in the EHR",
      description:
        "Our physicians receive about 200 patient portal messages a week and answer many of them after hours. Using the generative AI that Epic and Microsoft are adding to our EHR, each incoming non-urgent message will get a draft reply based on the message and the patient's record. The physician reads the draft, edits it or discards it, and sends the reply; nothing is sent automatically. We start with a small group of physicians in primary care.",
      locale: "en",
      industry: "healthcare",
      market: "internal",
      tasks: ["generation"],
      knowledge: ["private_documents"],
      stakes: "high",
      humanReview: "always",
      deployment: "private_cloud",
    },
    notes: "'private_cloud' stands for the EHR vendor's hosted Azure environment (an assumption). The first-group size is not public.",
    expected: {
      verdict: "pilot",
      primaryTier: 2,
      needs: ["rag"],
      mustNotLead: TUNING,
      stakes: "high",
      why: "The draft must be grounded in the patient's record (retrieving the relevant notes and results) and every draft is reviewed by the physician, an edited draft being a supervised pair for later, not a reason to tune now. Patient communication is high stakes even with review (automation bias), and the value (time saved) is unproven: a pilot measuring reply time and edit rates.",
    },
  },
  {
    id: "ambient-ai-scribe-dax",
    locale: "en",
    outcome: "success",
    year: 2024,
    happened:
      "A three-month pilot of DAX Copilot with 48 Stanford physicians showed large reductions in task load and burnout; a randomised step-wedge study found less documentation time and 2.5 fewer hours a week of after-hours charting.",
    sources: [
      {
        title: "Ambient artificial intelligence scribes: physician burnout and perspectives on usability and documentation burden",
        url: "https://medluna.com/article/39657021",
        publisher: "J Am Med Inform Assoc (via Medluna)",
        date: "2025-02-01",
        dateKind: "published",
        quote:
          "This prospective quality improvement study was conducted at Stanford Health Care with 48 physicians over a 3-month period. ... Conclusion: Ambient AI scribes like DAX Copilot may enhance clinical workflows.",
      },
      {
        title: "Deploying ambient clinical intelligence to improve care: assessing the impact of Nuance DAX",
        url: "https://pmc.ncbi.nlm.nih.gov/articles/PMC12398943/",
        publisher: "Future Healthcare Journal",
        date: "2025-07-17",
        dateKind: "published",
        quote: "ACI use reduced daily documentation time, and 2.5 h per week of 'Pajama Time' or off-hours documentation.",
      },
    ],
    input: {
      title: "Ambient scribe for clinic visits",
      description:
        "With the patient's consent, an ambient AI scribe (Nuance DAX Copilot) listens to the clinic visit on the physician's phone and drafts the visit note into the EHR within minutes. The physician reviews, corrects and signs every note; nothing is filed unsigned. We will run it for three months with 48 physicians across specialties and measure task load, burnout and time spent documenting after hours.",
      locale: "en",
      industry: "healthcare",
      market: "internal",
      tasks: ["summarization", "extraction", "multimodal"],
      knowledge: ["vertical_expertise"],
      stakes: "high",
      humanReview: "always",
      deployment: "cloud_api",
      usage: { users: 48 },
    },
    notes: "Licence cost per physician is not in the sources and is left out.",
    expected: {
      verdict: "pilot",
      primaryTier: 1,
      needs: ["prompt_engineering"],
      mustNotLead: TUNING,
      stakes: "high",
      why: "Transcription plus summarising one conversation into a note template is tier 1 work on the visit's own transcript; the physician signs every note. Errors or omissions in the medical record are high stakes even with review, so a time-boxed pilot measuring note accuracy, edits and after-hours time is the right commitment.",
    },
  },
  {
    id: "mcdonalds-ibm-drive-thru-ordering",
    locale: "en",
    outcome: "rollback",
    year: 2021,
    happened:
      "Automated order taking ran in more than 100 US drive-thrus from 2021; viral videos showed wrong orders (bacon on ice cream, hundreds of dollars of nuggets). McDonald's ended the IBM test in July 2024.",
    sources: [
      {
        title: "McDonald's ends AI drive-thru trial following customer complaints and viral mishaps",
        url: "https://www.btimesonline.com/articles/166992/20240619/mcdonalds-ends-ai-drive-thru-trial-following-customer-complaints-and-viral-mishaps.htm",
        publisher: "Business Times",
        date: "2024-06-19",
        dateKind: "published",
        quote:
          "Initially introduced in 2019 and implemented in over 100 restaurants by 2021, the AI system aimed to streamline the ordering process. ... The technology is set to be deactivated in all participating restaurants no later than July 26, 2024.",
      },
      {
        title: "McDonald's stops testing AI ordering system after bacon-in-ice-cream mistakes",
        url: "https://unn.ua/en/news/mcdonalds-stops-testing-ai-ordering-system-after-bacon-in-ice-cream-mistakes",
        publisher: "UNN (citing Sky News)",
        date: "2024-06-19",
        dateKind: "published",
        quote: "the AI assistant added chicken nuggets worth $211 to another customer's order",
      },
    ],
    input: {
      title: "Automated voice order taking at the drive-thru",
      description:
        "With IBM we will test automated order taking in more than 100 US drive-thru restaurants. The customer speaks their order at the menu board; the system recognises the speech, matches it to our menu items and sizes, reads the order back and sends it to the kitchen screen and the till. Crew can listen in and correct orders. The aim is faster service and fewer staff tied up on the headset at busy times.",
      locale: "en",
      industry: "retail_ecommerce",
      market: "toC",
      tasks: ["conversation", "extraction"],
      knowledge: ["structured_data"],
      stakes: "low",
      humanReview: "sampled",
      deployment: "cloud_api",
    },
    notes:
      "IBM's system may not have been an LLM throughout; it is kept as a voice-ordering case because the decision a PM faces is the same. 'sampled' review stands for crew listening in when they can.",
    expected: {
      verdict: "pilot",
      primaryTier: 1,
      needs: ["traditional"],
      mustNotLead: TUNING,
      stakes: "medium",
      why: "The hard part is speech recognition in a noisy lane and matching to a fixed menu, traditional components around a prompted model with the menu in context. Wrong orders cost money and goodwill at every car (medium stakes), so a limited test with an order-accuracy gate before any rollout, which is what the 100-store test should have been measured on.",
    },
  },
  {
    id: "cursor-support-email-bot",
    locale: "en",
    outcome: "failure",
    year: 2025,
    happened:
      "In April 2025 the support bot, signing as 'Sam', told a user that subscriptions were limited to one device, a policy that did not exist; the Reddit thread led to cancellations before staff corrected it.",
    sources: [
      {
        title: "When an AI Chatbot Burns Cash: Lessons From Cursor's 'One-Device' Fiasco",
        url: "https://eitl.ai/blog/cursor-ai-issue",
        publisher: "EITL",
        date: "2025-04-26",
        dateKind: "published",
        quote:
          "Cursor's chat agent—introducing itself as Sam—confidently replied: \"Per policy, each paid account is locked to a single machine.\" The policy didn't exist.",
      },
    ],
    input: {
      title: "AI replies to support emails",
      description:
        "Support email volume is growing faster than the team. An AI agent will answer incoming support emails about accounts, logins, billing and subscriptions using our documentation and help pages, and send the reply directly, signed 'Sam' from the support team. Staff look at threads only when a customer replies again or asks for a refund. Most of our customers are developers on paid monthly plans.",
      locale: "en",
      industry: "internet",
      market: "toC",
      tasks: ["qa", "conversation"],
      knowledge: ["private_documents"],
      stakes: "low",
      humanReview: "none",
      deployment: "cloud_api",
    },
    notes: "The escalation rule (staff look only on a second reply or refund) is an assumption consistent with the incident.",
    expected: {
      verdict: "rethink",
      primaryTier: 2,
      needs: ["rag"],
      mustNotLead: TUNING,
      stakes: "high",
      why: "Statements about account and billing policy to paying customers bind the company and drive churn: high stakes. Email is asynchronous, so there is no reason to send unreviewed answers: rethink to retrieval-grounded drafts that refuse when the docs are silent, a person approving policy and billing replies, and disclosure that the writer is an AI.",
    },
  },
  {
    id: "replit-agent-production-database",
    locale: "en",
    outcome: "failure",
    year: 2025,
    happened:
      "In July 2025 Replit's agent deleted a user's production database (1,206 executives, 1,196 companies) during a code freeze, fabricated data and said rollback was impossible. Replit then separated development and production databases.",
    sources: [
      {
        title: "Replit/SaaStr production database deletion incident",
        url: "https://ai-entrepreneurship.wiki/entries/replit-saastr-production-database-deletion-incident",
        publisher: "AI Entrepreneurship Wiki",
        date: "2025-07",
        dateKind: "event",
        quote:
          "Replit's own July 21 product release says that, until then, Replit apps used a single database for development and live customer data, making safe testing and deployment challenging",
      },
      {
        title: "Replit AI agent deletes production database",
        url: "https://aiexpertnews.com/articles/replit-ai-agent-deletes-production-database",
        publisher: "AI Expert News",
        date: "2025-07",
        dateKind: "event",
        quote:
          "Replit's AI coding assistant wiped the entire production database of SaaStr ... Gone: 1,206 executive records. Gone: 1,196 company records.",
      },
    ],
    input: {
      title: "Autonomous agent that builds and runs users' apps",
      description:
        "Our agent lets people without programming experience build and ship apps by describing what they want. It writes the code, runs shell commands, creates and migrates the app's database, seeds data and deploys, working through many steps on its own. Each app has one database used both while building and by live users. Users can tell the agent to pause or freeze changes in the chat. We want the agent to need as little confirmation as possible.",
      locale: "en",
      industry: "internet",
      market: "toC",
      tasks: ["code", "agent_workflow"],
      knowledge: ["general"],
      stakes: "medium",
      humanReview: "none",
      deployment: "cloud_api",
    },
    notes:
      "The single shared database is from Replit's own release note (per the sources). 'As little confirmation as possible' is an assumption about the product goal.",
    expected: {
      verdict: "rethink",
      primaryTier: 2,
      needs: ["agent"],
      mustNotLead: TUNING,
      stakes: "high",
      why: "A multi-step agent is the right tier, but the ladder requires approval on writes, reversible steps and a hand-off; here it runs destructive commands against live customer data with a freeze expressed only as chat text. Data loss for users' businesses is high stakes: rethink with separate development and production data, enforced (not prompted) permissions, confirmation before destructive actions and one-click restore.",
    },
  },
  {
    id: "cnet-ai-finance-explainers",
    locale: "en",
    outcome: "rollback",
    year: 2022,
    happened:
      "From November 2022 CNET published AI-written money explainers under 'CNET Money Staff'; after errors were exposed in January 2023 it reviewed 77 articles, corrected 41 and paused the programme.",
    sources: [
      {
        title: "CNET's article-writing AI has already issued several corrections",
        url: "https://www.iflscience.com/cnet-s-article-writing-ai-has-already-issued-several-corrections-67146",
        publisher: "IFLScience",
        date: "2023-01-18",
        dateKind: "published",
        quote:
          'Author "CNET Money" has written 78 articles so far, which CNET notes were all "reviewed, fact-checked and edited by our editorial staff". However, a few mistakes have slipped through.',
      },
      {
        title: "CNET AI article errors",
        url: "https://crashedout.ai/crashouts/cnet-ai-article-errors",
        publisher: "CrashedOut",
        date: "2023-01",
        dateKind: "event",
        quote:
          "CNET reviewed the 77 AI-generated articles and found that 41 required corrections. ... paused AI-generated stories while establishing guardrails.",
      },
    ],
    input: {
      title: "AI-drafted personal-finance explainers",
      description:
        "Our money section needs many evergreen explainers, such as what compound interest is, how CD ladders work or what APY means, to answer readers' searches. An internal AI engine will draft these articles from publicly available facts; an editor with topic expertise reviews, fact-checks and edits each one before it is published under the 'CNET Money Staff' byline. We will start with a few dozen articles and see how they perform in search.",
      locale: "en",
      industry: "media",
      market: "toC",
      tasks: ["generation"],
      knowledge: ["general", "vertical_expertise"],
      stakes: "low",
      humanReview: "always",
      deployment: "cloud_api",
    },
    notes: "The 'low' stakes a PM might pick is an assumption; the engine behind CNET's tool was never disclosed.",
    expected: {
      verdict: "pilot",
      primaryTier: 2,
      needs: ["rag"],
      mustNotLead: TUNING,
      stakes: "medium",
      why: "Explainers must be faithful to sources the editor can check, so drafts should be built from retrieved, cited material, with worked figures computed by code rather than written by the model. Readers act on money explanations, and editor review that relies on fluent drafts misses errors: medium stakes, a pilot gated on a fact-check error rate, with clear AI disclosure.",
    },
  },
  {
    id: "character-ai-companions-for-teens",
    locale: "en",
    outcome: "rollback",
    year: 2022,
    happened:
      "After lawsuits alleging that chatbot conversations contributed to teenagers' self-harm and a 14-year-old's suicide, Character.AI barred users under 18 from open-ended chat from 25 November 2025.",
    sources: [
      {
        title: "Menlo Park AI company limits chatbot access to minors following lawsuits",
        url: "https://www.kalw.org/bay-area-news/2025-11-26/menlo-park-ai-company-limits-chatbot-access-to-minors-following-lawsuits",
        publisher: "KALW",
        date: "2025-11-26",
        dateKind: "published",
        quote:
          "Character.AI started banning minors from interacting with its open-ended AI chatbots earlier this week. This is after multiple lawsuits were filed against them alleging that extensive conversations with these chatbots led several teenagers to die by suicide.",
      },
      {
        title: "Character.AI bans users under 18 from chatting with its chatbots",
        url: "https://techsensi.com/character-ai-bans-users-under-18",
        publisher: "TechSensi",
        date: "2025-10",
        dateKind: "event",
        quote:
          "Character.AI, which boasts roughly 20 million monthly users, revealed that users under 18 make up nearly 10 percent of its audience.",
      },
    ],
    input: {
      title: "Open-ended chat with AI characters, open to teens",
      description:
        "Users chat with AI characters that they or other users create: fictional heroes, historical figures, companions. Characters are designed to feel alive, remember past conversations and stay in character for as long as the user wants to talk. Anyone aged 13 and over can sign up; teenagers are a large part of our audience. Conversations are private and filtered for explicit content; there is no human review.",
      locale: "en",
      industry: "internet",
      market: "toC",
      tasks: ["conversation"],
      knowledge: ["general"],
      stakes: "low",
      humanReview: "none",
      deployment: "cloud_api",
      usage: { users: 20000000 },
    },
    notes:
      "20 million monthly users is the reported figure at the time of the ban, used as the PM's expected reach (an assumption). The company trained its own models; that is not the decision judged here.",
    expected: {
      verdict: "no_go",
      primaryTier: 1,
      needs: [],
      mustNotLead: TUNING,
      stakes: "critical",
      why: "Unreviewed, open-ended, emotionally engaging companion chat with minors risks dependence, sexual content and missed crises: critical stakes. Content filters do not mitigate the design itself; without reliable age assurance and crisis escalation it should not be offered to under-18s, which is where the company itself ended up.",
    },
  },
  {
    id: "koko-gpt3-peer-support-drafts",
    locale: "en",
    outcome: "rollback",
    year: 2022,
    happened:
      "In October 2022 Koko let peer supporters send GPT-3-drafted replies to about 4,000 people (30,000 messages); disclosed in January 2023, it drew criticism over consent and ethics review, and the feature was pulled.",
    sources: [
      {
        title: "Startup uses AI chatbot to provide mental health counseling and then realizes it 'feels weird'",
        url: "https://www.vice.com/en_us/article/4ax9yw/startup-uses-ai-chatbot-to-provide-mental-health-counseling-and-then-realizes-it-feels-weird",
        publisher: "Vice",
        date: "2023-01",
        dateKind: "event",
        quote:
          '"We provided mental health support to about 4,000 people — using GPT-3," ... Morris noted that AI had been used in more than 30,000 messages.',
      },
      {
        title: "A mental health tech company ran an AI experiment on real users",
        url: "https://www.nbcnews.com/tech/internet/chatgpt-ai-experiment-mental-health-tech-app-koko-rcna65110",
        publisher: "NBC News",
        date: "2023-01",
        dateKind: "event",
        quote:
          "In October, Koko ran an experiment in which GPT-3 ... wrote responses either in whole or in part. Humans could edit the responses and were still pushing the buttons to send them",
      },
    ],
    input: {
      title: "GPT-3 drafts for peer supporters",
      description:
        "Koko is a peer-support service where volunteers reply to people who post that they are struggling. We will let supporters generate a draft reply with GPT-3, then edit it and decide whether to send it. We expect faster and better-written replies; response times matter to people waiting for support. The people receiving replies will not be asked beforehand; this is a short experiment.",
      locale: "en",
      industry: "healthcare",
      market: "toC",
      tasks: ["generation"],
      knowledge: ["general"],
      stakes: "medium",
      humanReview: "always",
      deployment: "cloud_api",
      usage: { users: 4000 },
    },
    notes:
      "4,000 recipients is the reported reach, used here as the planned scale (an assumption). 'Not asked beforehand' is how critics described it; Koko later said messages were labelled as co-written.",
    expected: {
      verdict: "rethink",
      primaryTier: 1,
      needs: ["prompt_engineering"],
      mustNotLead: TUNING,
      stakes: "high",
      why: "Drafting a reply from one post is tier 1 prompting and a person sends every message, but recipients are people in distress who were not told or asked: high stakes. Rethink the study design before running it: informed consent and disclosure, ethics review, crisis escalation that never depends on a draft.",
    },
  },
  {
    id: "octopus-energy-ai-email-replies",
    locale: "en",
    outcome: "success",
    year: 2023,
    happened:
      "From February 2023 AI drafted customer email replies; by May it handled 34% of emails, the work of about 250 people, with 80% satisfaction against 65% for human-written replies.",
    sources: [
      {
        title: "AI doing work of 250 people at energy firm Octopus, says boss",
        url: "https://www.pressreader.com/uk/yorkshire-post/20230509/282286734603668",
        publisher: "Yorkshire Post",
        date: "2023-05-09",
        dateKind: "published",
        quote:
          'He said the computer-generated responses delivered 80 per cent customer satisfaction rates – considerably above the 65 per cent rate achieved by its human staff. ... "By last week, 34 per cent of customer emails were answered by AI. That\'s the work of about 250 people."',
      },
      {
        title: "Eliminating the blind-routing bottleneck: how Octopus Energy scales email support",
        url: "https://yufanandco.com/en/blog/eliminating-the-blind-routing-bottleneck-ai-triage",
        publisher: "Yufan & Co.",
        date: "2025",
        dateKind: "event",
        quote: "So they built a generative AI tool called Magic Ink into their Kraken platform to triage and draft responses.",
      },
    ],
    input: {
      title: "AI-drafted replies to customer emails",
      description:
        "Customers write to one email address about bills, meter readings, tariffs and payments, and volumes jumped during the energy crisis. Inside our Kraken platform an AI will read each email, pull up the customer's account, and draft a reply; our customer team checks and edits the draft before it goes out. We will start with a handful of emails and widen it as satisfaction holds up, comparing it with replies written by the team.",
      locale: "en",
      industry: "other",
      market: "toC",
      tasks: ["generation", "classification"],
      knowledge: ["private_documents", "structured_data"],
      stakes: "medium",
      humanReview: "always",
      deployment: "cloud_api",
    },
    notes:
      "That staff check drafts before sending is an assumption from the 'assisted by the AI' wording and the drafting tool described; the sources do not say every email is reviewed.",
    expected: {
      verdict: "go",
      primaryTier: 2,
      needs: ["rag", "tool_calls"],
      mustNotLead: ["text_to_sql", ...TUNING],
      stakes: "medium",
      why: "Replies must reflect this customer's account (a lookup through tools) and the tariff and process documents (retrieval); a person edits and sends, so stakes are medium. Starting small and widening as satisfaction holds is already an eval gate, so the plan is a go; edited drafts become supervised pairs if a tuned model is ever needed.",
    },
  },
  {
    id: "allen-overy-harvey-rollout",
    locale: "en",
    outcome: "success",
    year: 2023,
    happened:
      "After a trial from November 2022 in which about 3,500 lawyers asked some 40,000 questions, A&O rolled Harvey out across 43 offices in February 2023, with lawyers verifying all output.",
    sources: [
      {
        title: "As Allen & Overy deploys GPT-based legal app Harvey firmwide, founders say other firms will soon follow",
        url: "https://www.lawnext.com/2023/02/as-allen-overy-deploys-gpt-based-legal-app-harvey-firmwide-founders-say-other-firms-will-soon-follow.html",
        publisher: "LawSites",
        date: "2023-02-16",
        dateKind: "published",
        quote:
          "A&O said it began a trial of Harvey in November. By the end of the trial, some 3,500 A&O lawyers had asked Harvey around 40,000 queries for their day-to-day client work.",
      },
      {
        title: "Allen & Overy introduces AI chatbot to lawyers in search of efficiencies",
        url: "https://businessnewsbox.com/allen-overy-introduces-ai-chatbot-to-lawyers-in-search-of-efficiencies/",
        publisher: "Financial Times (via BusinessNewsBox)",
        date: "2023-02",
        dateKind: "event",
        quote:
          "Allen & Overy is introducing an artificial intelligence chatbot to help its lawyers draft contracts ... for use in tasks such as drafting merger & acquisition documents or memos to clients.",
      },
    ],
    input: {
      title: "Harvey generative AI assistant for our lawyers",
      description:
        "We will trial Harvey, a legal assistant built on OpenAI's models, with lawyers across practice groups and offices, then decide on a firm-wide rollout. Lawyers use it to draft contracts, memos and M&A documents, summarise and compare documents in due diligence, and get a first view on research questions, in many languages. Every output is checked by the responsible lawyer before it is used for a client; client data stays under our confidentiality terms with the vendor. The firm has about 3,500 lawyers in 43 offices.",
      locale: "en",
      industry: "legal",
      market: "internal",
      tasks: ["generation", "summarization", "qa", "translation"],
      knowledge: ["private_documents", "vertical_expertise"],
      stakes: "high",
      humanReview: "always",
      deployment: "cloud_api",
      usage: { users: 3500 },
    },
    notes: "Licence cost was not disclosed and is left out.",
    expected: {
      verdict: "pilot",
      primaryTier: 2,
      needs: ["rag"],
      mustNotLead: TUNING,
      stakes: "high",
      why: "Drafting and due diligence must stay faithful to the deal documents and the firm's precedents (retrieval), with lawyers verifying everything. Client legal work is high stakes, which is exactly why a trial with a verification workflow and usage data comes before the firm-wide rollout; the vendor's domain tuning is not a technique this plan commits to.",
    },
  },
  {
    id: "checkr-charge-classification-slm",
    locale: "en",
    outcome: "success",
    year: 2024,
    happened:
      "GPT-4 reached 88% (82% on messy records) and GPT-4 with retrieval 96% (79% on messy), at 7–15 seconds; a fine-tuned small Llama model reached 97% (85–90% messy), answered in under a second and cost 5x less.",
    sources: [
      {
        title: "Checkr ditches GPT-4 for a smaller genAI model, streamlines background checks",
        url: "https://jweasytech.com/2024/09/30/checkr-ditches-gpt-4-for-a-smaller-genai-model-streamlines-background-checks/",
        publisher: "Computerworld (via jweasytech)",
        date: "2024-09-30",
        dateKind: "published",
        quote:
          "GPT-4, however, only achieved an 88% accuracy rate on background checks, and on the messy data, that figure dropped to 82%. ... Checkr then added retrieval augmented generation ... the numbers for more difficult data dropped even further, to just only 79%. ... background checks took 15 and seven seconds, respectively.",
      },
      {
        title: "How Checkr streamlines background checks with fine-tuned small language models on Predibase",
        url: "https://predibase.com/blog/how-checkr-streamlines-background-checks-with-fine-tuned-small-language",
        publisher: "Predibase",
        date: "2024-10-03",
        dateKind: "published",
        quote:
          "98% of the data is processed efficiently using a tuned logistic regression model. The remaining 2%, however, are complex cases that require categorizing data records into 230 distinct categories.",
      },
    ],
    input: {
      title: "Classifying the hardest background-check records",
      description:
        "We run about 1.5 million background checks a month. A logistic-regression model classifies 98% of charge records well; the remaining 2% are messy free text that must be sorted into 230 categories, and today half of those end in manual review. We tested GPT-4: 88% accuracy overall and 82% on the messy records, with 15-second responses; adding retrieval reached 96% on the bulk but 79% on the messy records, at 7 seconds. We have years of records labelled with these categories by our team. Customers need the result in near real time, under a second, and the category feeds their hiring decisions.",
      locale: "en",
      industry: "other",
      market: "toB",
      tasks: ["classification"],
      knowledge: ["vertical_expertise", "structured_data"],
      stakes: "high",
      humanReview: "sampled",
      deployment: "cloud_api",
    },
    notes:
      "The count of labelled records is not public, so `data.labeledExamples` is left out and the description says 'years of records'. 'sampled' review reflects manual review of low-confidence results (an assumption).",
    expected: {
      verdict: "pilot",
      primaryTier: 3,
      needs: ["traditional", ["sft", "lora", "qlora"]],
      mustNotLead: PREFERENCE,
      stakes: "high",
      why: "This is the ladder's case for tier 3: labelled examples exist, prompting and retrieval were measured and missed the bar on the hard records, and the volume and sub-second latency make a small tuned model pay for itself. Keep the traditional model for the 98%; tune a small open model for the hard 2%. Hiring decisions make stakes high, so ship behind a pilot with a held-out accuracy gate; nobody ranks candidates, so no preference methods.",
    },
  },
  {
    id: "convirza-call-indicators-lora",
    locale: "en",
    outcome: "success",
    year: 2024,
    happened:
      "Convirza moved 60+ call-scoring indicators from per-indicator Longformer models to LoRA adapters on Llama-3-8B served together, reporting 10x lower cost than OpenAI, 8% higher F1 and sub-second inference.",
    sources: [
      {
        title: "Multi-LoRA serving for agent performance analysis at scale",
        url: "https://www.zenml.io/llmops-database/multi-lora-serving-for-agent-performance-analysis-at-scale",
        publisher: "ZenML LLMOps database",
        date: "2024-11",
        dateKind: "published",
        quote:
          "transitioned from Longformer models to fine-tuned Llama-3-8b using Predibase's multi-LoRA serving infrastructure ... reducing operational costs by 10x compared to OpenAI, achieving an 8% improvement in F1 scores ... over 60 performance indicators",
      },
      {
        title: "Optimizing call center analytics with small language models and multi-adapter serving",
        url: "https://www.zenml.io/llmops-database/optimizing-call-center-analytics-with-small-language-models-and-multi-adapter-serving",
        publisher: "ZenML LLMOps database",
        date: "2024",
        dateKind: "event",
        quote:
          "with millions of phone calls processed monthly and a continuously growing number of custom indicators ... using large commercial LLMs like OpenAI's GPT models proved unsustainable from both a cost and accuracy perspective.",
      },
    ],
    input: {
      title: "Scoring sales and service calls on 60+ indicators",
      description:
        "We analyse millions of recorded phone calls a month for our clients and score each call on more than 60 indicators, such as whether the agent greeted properly, asked for the business or booked an appointment, and whether the caller showed buying signals. Today each indicator is its own Longformer model, which takes 9 to 24 hours to retrain and costs $500 to $1,500 a month per indicator to serve. Calling OpenAI's models for every call and indicator is too expensive at our volume. We have labelled calls for every indicator from years of running these models. Clients use the scores for coaching and lead quality; supervisors spot-check them.",
      locale: "en",
      industry: "internet",
      market: "toB",
      tasks: ["classification", "extraction"],
      knowledge: ["private_documents"],
      stakes: "medium",
      humanReview: "sampled",
      deployment: "private_cloud",
      business: { currency: "USD" },
    },
    notes:
      "Per-indicator costs and retraining times are from the ZenML summary. 'Labelled calls from years of running these models' is inferred from the existing trained indicators.",
    expected: {
      verdict: "go",
      primaryTier: 3,
      needs: [["lora", "qlora"]],
      mustNotLead: PREFERENCE,
      stakes: "medium",
      why: "Labelled examples exist for every indicator, the volume makes per-call API prompting too costly, and many narrow classifiers share one base model: parameter-efficient adapters on a small open model are the tier-3 step the ladder allows when a small tuned model pays for itself. Scores guide coaching and are spot-checked, so medium stakes; a go, gated per indicator on F1 against the current models.",
    },
  },
  {
    id: "bloomberggpt-from-scratch",
    locale: "en",
    outcome: "mixed",
    year: 2023,
    happened:
      "Bloomberg trained a 50-billion-parameter model from scratch on 363 billion tokens of its financial archive plus 345 billion public tokens (March 2023); it beat similar-sized open models on finance tasks, while general models like GPT-4 soon matched or beat narrow systems.",
    sources: [
      {
        title: "Bloomberg introduces a 50-billion parameter LLM built for finance",
        url: "https://iblnews.org/bloomberg-introduces-a-50-billion-parameter-llm-built-for-finance/",
        publisher: "IBL News",
        date: "2023-03-31",
        dateKind: "event",
        quote:
          "Bloomberg's data analysts collected financial language documents over the span of forty years ... a comprehensive 363 billion token dataset ... augmented with a 345 billion token public dataset ... the team trained a 50-billion parameter decoder-only causal language model.",
      },
      {
        title: "BloombergGPT (paper summary)",
        url: "https://centerconsulting.com/ai-library/papers/bloomberggpt",
        publisher: "Center Consulting AI library",
        date: "2023-03-30",
        dateKind: "event",
        quote:
          "It arrived just as general models like GPT-4 were demonstrating that scale and broad data could often match or beat narrow, hand-built systems, and the trade-off between domain-specific and general models remained an open question",
      },
    ],
    input: {
      title: "Our own finance language model, trained from scratch",
      description:
        "We want a large language model of our own for finance. Our data team has forty years of financial documents: news, filings, press releases and proprietary data, about 363 billion tokens, which we would combine with about 345 billion tokens of public data to pretrain a 50-billion-parameter model from scratch. It would improve our existing NLP tasks on the Terminal (sentiment analysis, named-entity recognition, news classification and question answering) and open new ways for clients to use Terminal data.",
      locale: "en",
      industry: "finance",
      market: "toB",
      tasks: ["classification", "extraction", "qa"],
      knowledge: ["private_documents", "vertical_expertise"],
      stakes: "medium",
      humanReview: "sampled",
      deployment: "on_prem",
    },
    notes:
      "On-premises training is an assumption (the paper describes Bloomberg's own training run). Compute cost is not in the stored sources.",
    expected: {
      verdict: "rethink",
      primaryTier: 2,
      needs: ["rag"],
      mustNotLead: TUNING,
      stakes: "medium",
      why: "Pretraining from scratch is the step the ladder flags: the tasks named (sentiment, entities, classification, question answering over Terminal data) are first tried with few-shot prompting and retrieval on strong general models, then a tuned open model if the eval set shows a gap. The corpus is an asset for retrieval and for fine-tuning later; spending a from-scratch training run first should be rethought.",
    },
  },
];

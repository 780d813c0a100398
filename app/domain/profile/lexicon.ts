// The zh/en lexicon the heuristic profile reads descriptions with. Terms are regular-expression fragments:
// English terms match at a word start, case-insensitively (so stems like "diagnos" work); Chinese terms match anywhere.
// Order inside a list is priority when two values match equally often.
import type { FeedbackMode } from "~/domain/profile/types";
import type { Deployment, HumanReview, Industry, Knowledge, Market, Stakes, Task } from "~/domain/scenario";

export interface LexiconEntry<V> {
  value: V;
  zh: string[];
  en: string[];
}

type FeedbackValue = Exclude<FeedbackMode, "none">;

export const INDUSTRY_LEXICON: LexiconEntry<Industry>[] = [
  {
    value: "healthcare",
    zh: ["医疗", "医院", "医生", "患者", "病人", "病历", "诊断", "临床", "药品", "用药", "处方", "护士", "门诊", "影像科", "体检"],
    en: ["medical", "medicine", "hospitals?", "clinics?", "clinical", "dental", "dentists?", "patients?", "doctors?", "physicians?", "nurses?", "diagnos\\w*", "healthcare", "health care", "EMR", "EHR", "radiolog\\w*", "pharma\\w*", "prescri\\w*"],
  },
  {
    value: "finance",
    zh: ["金融", "银行", "证券", "保险", "理财", "基金", "信贷", "贷款", "投资", "券商", "理赔", "风控", "财务报表", "股票"],
    en: ["bank(?:s|ing)?", "financ(?:e|ial)", "insurance", "insurer", "loans?", "credit", "lending", "brokerage", "wealth management", "invest\\w*", "fund", "stocks?", "trad(?:e|es|ing)", "client accounts", "market data", "portfolios?", "claims", "accounting", "ledger"],
  },
  {
    value: "legal",
    zh: ["法律", "律师", "律所", "合同审查", "法务", "判决", "诉讼", "法规", "条款"],
    en: ["legal", "law firm", "lawyers?", "attorneys?", "litigation", "contract review", "statutes?", "court", "paralegal"],
  },
  {
    value: "government",
    zh: ["政府", "政务", "公安", "税务", "社保", "街道办", "公共服务", "12345"],
    en: ["government", "public sector", "municipal", "citizens?", "ministry", "agency services", "tax office"],
  },
  {
    value: "education",
    zh: ["教育", "学校", "老师", "教师", "学生", "画室", "作业", "评语", "课程", "培训", "家长", "考试", "辅导", "教学"],
    en: ["education", "schools?", "teachers?", "students?", "pupils?", "homework", "courses?", "tutor\\w*", "classroom", "parents", "art studio", "exam"],
  },
  {
    value: "retail_ecommerce",
    zh: ["电商", "零售", "订单", "商品", "店铺", "淘宝", "京东", "买家", "退货", "物流", "促销", "门店"],
    en: ["e-?commerce", "retail", "orders?", "shoppers?", "products? catalog\\w*", "online store", "returns", "shipping", "merchants?", "SKUs?"],
  },
  {
    value: "manufacturing",
    zh: ["制造", "工厂", "产线", "设备", "质检", "工艺", "车间", "供应链", "维修"],
    en: ["manufactur\\w*", "factory", "factories", "production line", "equipment", "maintenance", "quality inspection", "supply chain", "plant floor"],
  },
  {
    value: "media",
    zh: ["媒体", "新闻", "内容创作", "自媒体", "营销文案", "广告", "短视频", "编辑部", "出版"],
    en: ["media", "news", "newsroom", "publish\\w*", "marketing copy", "advertis\\w*", "content creators?", "journalis\\w*", "editorial"],
  },
  {
    value: "internet",
    zh: ["互联网", "小程序", "社区", "游戏", "平台用户", "应用商店"],
    en: ["internet", "app users", "mobile app", "SaaS", "online platform", "social network", "gam(?:e|es|ing)", "developers?", "WhatsApp", "WeChat mini[- ]program"],
  },
];

export const MARKET_LEXICON: LexiconEntry<Market>[] = [
  {
    value: "toB",
    zh: ["B端", "企业客户", "卖给(?:企业|银行|医院|学校|律所|工厂)", "面向企业", "(?<![A-Za-z])[Tt]o ?B(?![A-Za-z])", "客户公司", "按年签约", "年费"],
    en: ["B2B", "enterprise customers", "business customers", "sell (?:it )?to (?:banks|hospitals|schools|firms|companies|enterprises|retailers|law firms)", "clients pay", "per seat", "annual contract", "SaaS"],
  },
  {
    value: "toC",
    zh: ["C端", "消费者", "个人用户", "面向用户", "月付", "付费用户", "会员", "订阅", "(?<![A-Za-z])[Tt]o ?C(?![A-Za-z])", "面向(?:全国)?(?:画室)?老师", "家长"],
    en: ["B2C", "consumers?", "subscribers?", "subscription", "monthly fee", "per month", "app store", "end users", "the public", "paying users"],
  },
  {
    value: "internal",
    zh: ["内部", "员工", "公司内", "坐席", "客服团队", "我们的客服", "同事", "降本", "提效", "节省人力"],
    en: ["internal", "in-house", "employees", "our staff", "our agents", "our team", "back office", "colleagues", "our analysts", "save (?:staff )?time"],
  },
];

export const TASK_LEXICON: LexiconEntry<Task>[] = [
  { value: "classification", zh: ["分类", "归类", "打标签", "分拣", "分派", "路由", "意图识别", "情感分析", "判断是否", "识别是否", "审批", "甄别"], en: ["classif\\w*", "categori[sz]\\w*", "triage", "route", "routing", "tagging", "label(?:ing|ling) (?:incoming|each)", "sentiment", "intent detection"] },
  { value: "extraction", zh: ["抽取", "提取", "识别出", "结构化", "填表", "字段", "读取", "读[^。，]{0,6}材料"], en: ["extract\\w*", "parse", "pull out", "fields", "structured data from", "key information", "entities"] },
  { value: "summarization", zh: ["总结", "摘要", "概括", "纪要", "汇总"], en: ["summar\\w*", "digest", "minutes", "condense", "recap"] },
  { value: "rewriting", zh: ["改写", "润色", "改稿", "校对", "扩写", "缩写"], en: ["rewrit\\w*", "polish", "proofread\\w*", "edit(?:ing)? drafts?", "paraphras\\w*"] },
  { value: "translation", zh: ["翻译", "多语言", "本地化"], en: ["translat\\w*", "locali[sz]ation", "multilingual"] },
  { value: "text_to_sql", zh: ["SQL", "取数", "查数据库", "自然语言查询", "报表查询", "问数", "数据查询"], en: ["SQL", "text-to-SQL", "query (?:the |our )?(?:database|warehouse|data)", "natural[- ]language quer\\w*", "ask questions about (?:the |our )?data", "BI questions"] },
  { value: "agent_workflow", zh: ["智能体", "多步", "自动执行", "调用(?:接口|工具|API)", "自动下单", "自动操作", "工作流"], en: ["agents? that", "agentic", "multi-step", "tool use", "call(?:s|ing)? (?:our |the |an? |external )?(?:[\\w-]+ )?(?:APIs?|tools)", "take actions?", "autonomous\\w*", "workflows? automation", "book\\w* (?:appointments|meetings|tables)", "takes? (?:table )?bookings", "execut\\w* (?:trades|orders|actions|payments)"] },
  { value: "code", zh: ["代码", "编程", "写程序", "代码审查", "单元测试"], en: ["code", "coding", "programming", "unit tests", "code review", "developers? write"] },
  { value: "multimodal", zh: ["图片", "图像", "照片", "语音", "视频", "影像", "扫描件"], en: ["images?", "photos?", "pictures?", "voice (?:calls?|messages?|input|notes)", "speech", "audio", "video", "scan(?:s|ned)?", "x-rays?", "CT scans?"] },
  { value: "qa", zh: ["问答", "答疑", "回答", "咨询", "提问", "解答", "知识库问答"], en: ["questions?", "answer\\w*", "Q&A", "FAQ", "ask", "look up", "enquir\\w*", "inquir\\w*"] },
  { value: "conversation", zh: ["对话", "聊天", "陪聊", "客服回复", "回复客户", "多轮"], en: ["chat\\w*", "conversation\\w*", "dialog\\w*", "assistant", "reply to customers", "customer replies", "companion"] },
  { value: "generation", zh: ["生成", "撰写", "写作", "文案", "评语", "起草", "创作", "写报告", "回复", "出具", "推荐话术", "推荐回复", "批改", "修改建议", "建议书"], en: ["generat\\w*", "writ(?:e|es|ing)", "draft\\w*", "compos\\w*", "copywriting", "comments? on", "create content", "replies"] },
];

/**
 * "病历" is a knowledge source when records are read ("查阅病历", "历史病历"), not when they are what the system
 * writes ("生成病历", "写入病历系统", "整理成结构化病历草稿"): an output destination calls for no retrieval.
 */
export const MEDICAL_RECORDS_AS_SOURCE_ZH = "(?<!(?:写入|写进|生成|录入|填入|填写|整理成|整理为|形成|输出|转成|转为|存入|归档到|提交到)[^，。；、,;]{0,6})病历(?!草稿|初稿)";

export const KNOWLEDGE_LEXICON: LexiconEntry<Knowledge>[] = [
  { value: "private_documents", zh: ["文档", "知识库", "手册", "制度", "规章", "合同", "内部资料", "说明书", "PDF", "文件", "题库", "讲解内容", "课程内容", "内容库", "帮助中心", "政策问答", MEDICAL_RECORDS_AS_SOURCE_ZH, "案例库", "政策文件", "FAQ", "飞书文档", "语雀", "钉钉文档", "Confluence", "wiki"], en: ["documents?", "docs", "knowledge base", "manuals?", "handbooks?", "policies", "policy documents", "wiki", "contracts", "PDFs?", "internal files", "playbooks?", "guidelines", "(?<!(?:writ\\w*|generat\\w*|creat\\w*|fil(?:e|es|ed|ing)|enter\\w*|sav(?:e|es|ed|ing)) (?:(?:in|into|to|the|a|new|medical|patient|clinical|structured) ){0,3})records", "Confluence", "SharePoint", "Notion", "help[- ]cent(?:er|re) articles", "articles", "documentation", "(?:help|support|rules|fare rules|policy|product|FAQ|knowledge[- ]base) pages", "tariffs?", "terms and conditions", "our (?:exercises|lessons|course materials|content library|published content)"] },
  { value: "structured_data", zh: ["数据库", "SQL", "订单数据", "订单信息", "报表", "表格", "ERP", "CRM", "数据仓库", "业务数据", "库存", "交易记录"], en: ["databases?", "SQL", "order data", "database tables?", "spreadsheets?", "ERP", "CRM", "data warehouse", "warehouse", "transactions", "inventory", "order status", "BI"] },
  { value: "vertical_expertise", zh: ["专业知识", "行业知识", "垂直领域", "垂类", "医学知识", "法律知识", "临床", "诊断", "专家经验", "领域知识", "术语"], en: ["domain expertise", "domain knowledge", "expert knowledge", "specialist", "vertical", "clinical", "medical knowledge", "legal knowledge", "jargon", "terminology", "subject[- ]matter experts?"] },
  { value: "realtime", zh: ["实时", "最新", "行情", "股价", "新闻", "天气", "库存状态"], en: ["real[- ]time", "live data", "latest", "up-to-the-minute", "stock prices", "market data", "breaking news"] },
];

/** Matched from the most to the least severe: the most severe match wins, because under-rating stakes is the costly mistake. */
export const STAKES_LEXICON: LexiconEntry<Stakes>[] = [
  {
    value: "critical",
    zh: ["诊断", "处方", "用药剂量", "开药", "手术", "治疗方案", "贷款审批", "授信决策", "自动放款", "执行交易", "自动交易", "判决", "生命安全", "安全攸关", "急救"],
    en: ["diagnos\\w*", "prescri\\w*", "dosage", "treatment decisions?", "treatment plans?", "surgery", "approve loans", "loan approvals?", "credit decisions?", "execute trades", "automated trading", "sentencing", "execut\\w* trades", "trades? (?:in|on|for) (?:client|customer) accounts", "transfer\\w* (?:funds|money)", "life[- ]threatening", "safety[- ]critical", "emergency triage"],
  },
  {
    value: "high",
    zh: ["医疗", "患者", "投资建议", "金融", "财务", "账务", "合规", "法律意见", "法律", "理赔", "风控", "监管", "资金", "未成年"],
    en: ["medical", "patients?", "financial records", "accounting", "ledger", "financial advice", "investment advice", "compliance", "legal advice", "legal", "insurance claims", "regulat\\w*", "payments?", "minors", "children"],
  },
  {
    value: "low",
    zh: ["草稿", "头脑风暴", "创意", "灵感", "营销文案", "内部参考", "初稿", "仅供参考"],
    en: ["drafts?", "brainstorm\\w*", "ideas", "inspiration", "marketing copy", "first pass", "for reference only", "low[- ]risk"],
  },
];

/** `none` is checked first: its terms are negations ("无需人工审核") that also contain the `always` terms. */
export const REVIEW_LEXICON: LexiconEntry<HumanReview>[] = [
  {
    value: "none",
    zh: ["无人工", "无需人工", "不需要人工", "不经人工", "没有人工", "不经过?[^，。；,;]{0,6}(?:审核|审阅|审查|确认)", "(?:也)?没有[^，。；,;]{0,6}(?:审核|审阅|审查)", "全自动", "自动发送", "直接发给(?:客户|用户|患者|家长)", "直接回复", "直接(?:回答|给出)", "自动回复", "无人值守", "不审核", "不转人工", "无需转人工"],
    en: ["no human", "without (?:any )?(?:human|manual) (?:review|check|approval|in the loop)", "fully automat\\w*", "automatically sen[dt]", "auto-?repl\\w*", "no review", "unattended", "straight to (?:the )?(?:customer|patient|user)s?", "(?:answers|replies|responds|answer|reply|respond) directly", "sen(?:d|ds|t) (?:the |its |their |a )?(?:repl(?:y|ies)|answers?|responses?) directly", "(?:replies|answers|responses) go (?:to (?:the )?(?:customers?|users?|patients?|travell?ers) )?directly", "no (?:agent|one|human|person|staff(?: member)?) (?:reads|reviews|checks)", "see the answer straight away"],
  },
  {
    value: "always",
    zh: ["人工审核", "人工复核", "人工确认", "审核后", "审批后", "修改后(?:再)?发", "老师修改", "医生确认", "律师审", "人工把关", "逐条审核", "确认后发送", "(?:都|均|全部|一律)(?:由|经过?)[^，。；,;]{0,8}(?:审核|确认|复核|审阅|签字)", "由(?:医生|护士|药师|律师|老师|编辑|专人|人工|工作人员|审核员)[^，。；,;]{0,4}(?:审核|确认|复核|审阅)"],
    en: ["human review", "reviewed by", "review(?:s|ed)? (?:each|every|all)", "approv(?:e|es|ed) (?:each|every|it|them|before)", "human in the loop", "human-in-the-loop", "before (?:it is |they are )?sen[dt]", "signs? off", "signs? (?:each|every) (?:one|prescription|note|report|draft|reply|decision)", "approves? (?:each|every|all|the )?(?:[\\w-]+ ){0,2}(?:prescriptions|drafts|notes|replies|answers|reports|decisions)", "edit(?:s|ed)? (?:it |them )?before", "a (?:doctor|lawyer|teacher|agent|human) checks", "(?:each|every) (?:[\\w-]+ ){0,3}is (?:reviewed|checked|approved|confirmed|signed off) by"],
  },
  {
    value: "sampled",
    zh: ["抽检", "抽查", "抽样", "定期检查", "可以纠正", "一键改", "可以修改", "可改派"],
    en: ["spot[- ]check\\w*", "sampl(?:e|ed|ing) (?:review|check|audit)\\w*", "random audits?", "can (?:re-?route|correct|override|fix)", "one click", "periodic review"],
  },
];

export const DEPLOYMENT_LEXICON: LexiconEntry<Deployment>[] = [
  {
    value: "on_prem",
    zh: ["私有化部署", "本地部署", "本地化部署", "内网", "离线部署", "数据不出", "不能出(?:公司|服务器|内网)", "没有出服务器", "自己的服务器", "自有服务器", "自己的显卡", "自建机房", "一张显卡"],
    en: ["on[- ]prem\\w*", "air[- ]gapped", "our own servers?", "own GPUs?", "self[- ]hosted", "must not leave (?:our|the) (?:[\\w-]+ )?(?:network|premises|servers?|building)", "never leaves? (?:our|the) (?:[\\w-]+ )?(?:network|premises|servers?)", "local deployment", "in our data ?cent(?:er|re)"],
  },
  {
    value: "private_cloud",
    zh: ["私有云", "专有云", "专属云", "VPC", "政务云", "金融云"],
    en: ["private cloud", "VPC", "dedicated (?:cloud )?instance", "Azure OpenAI", "Bedrock", "sovereign cloud"],
  },
  { value: "cloud_api", zh: ["调用API", "OpenAI", "公有云", "云端API", "大模型API"], en: ["OpenAI API", "public API", "cloud API", "hosted API", "GPT-4\\w*", "ChatGPT"] },
];

export const FEEDBACK_LEXICON: LexiconEntry<FeedbackValue>[] = [
  {
    value: "explicit",
    zh: ["点赞", "点踩", "评分", "打分", "好评", "差评", "选一张", "选出最好", "挑选", "满意度", "反馈按钮"],
    en: ["thumbs[- ]?(?:up|down)", "ratings?", "rate (?:the|each) (?:answer|reply|output)", "pick (?:one|the best)", "choose (?:one|the best)", "upvotes?", "feedback button", "satisfaction score"],
  },
  {
    value: "implicit",
    // A draft the person confirms, edits or picks before it goes out is a signal per use (the seed counts a
    // Midjourney pick of 1 of 4 as one piece of human feedback): accepted as is, edited, or rejected.
    zh: ["修改后", "编辑后", "采纳", "改派", "修正", "纠正", "重新生成", "老师修改", "人工修改", "确认后(?:再)?发", "确认修改", "确认或修改", "选择或修改", "改后(?:再)?发", "一键(?:采用|发送|改)"],
    en: ["edits?", "edited", "corrections?", "re-?route\\w*", "accept(?:s|ed)? or reject\\w*", "override\\w*", "regenerat\\w*", "adopt(?:ed|ion) rate", "confirm(?:s|ed)? (?:it |them |the (?:draft|reply|note) )?(?:and|before) sen(?:d|ds|ding|t)", "confirm(?:s|ed)?(?: or| and|/) ?edit\\w*", "accept(?:s|ed)?(?: or| and|/) ?edit\\w*", "approv(?:e|es|ed)(?: or| and|/) ?edit\\w*"],
  },
];

export const HOUSE_STYLE_LEXICON: LexiconEntry<true>[] = [
  {
    value: true,
    zh: ["风格", "语气", "口吻", "话术", "品牌调性", "固定格式", "统一格式", "文风", "表达方式", "人设"],
    en: ["house style", "brand voice", "tone of voice", "our tone", "our style", "style guide", "consistent (?:tone|voice|format)", "in the voice of", "persona"],
  },
];

export const PERSONAL_DATA_LEXICON: LexiconEntry<true>[] = [
  {
    value: true,
    zh: ["患者", "病人", "病历", "身份证", "个人信息", "隐私", "手机号", "住址", "客户信息", "用户信息", "学生信息", "未成年", "小学生", "中学生", "孩子", "儿童", "银行卡", "征信", "贷款申请", "客户资料", "客户档案", "聊天记录", "工资"],
    en: ["patients?", "medical records", "personal (?:data|information)", "PII", "PHI", "privacy", "customer records", "customer data", "client (?:files|data|records|documents)", "account numbers?", "social security", "minors", "children", "kids", "credit (?:data|history|histories|reports?)", "loan applications?", "applicants?", "addresses", "phone numbers", "salar(?:y|ies)", "chat logs"],
  },
];

export const REPLACES_SYSTEM_LEXICON: LexiconEntry<true>[] = [
  {
    value: true,
    zh: ["(?:取代|替代|替换|代替|干掉)[^。；;，,]{0,12}(?:系统|ERP|CRM|HIS|EMR|账务|总账|核心系统|病历系统)", "不再需要[^。；;，,]{0,8}系统"],
    en: ["replac\\w* (?:our |the |all of our |the whole |the entire |our entire )?[\\w -]{0,24}(?:system of record|ERP|CRM|EMR|EHR|ledger|core banking|billing system|records system)", "instead of (?:our |the )?(?:ERP|CRM|EMR|EHR|ledger)", "system of record"],
  },
];

/** Money and savings stated in the description: the value is not just a hope. */
export const BUSINESS_CASE_LEXICON: LexiconEntry<true>[] = [
  {
    value: true,
    zh: ["月付", "年付", "付费", "收费", "定价", "订阅费", "客单价", "节省[^。]{0,6}(?:人力|成本|工时|小时)", "降低[^。]{0,4}成本", "每单", "\\d+\\s*元", "[一二两三四五六七八九十几]+十?元", "人力成本", "营收", "收入"],
    en: ["\\$\\s?\\d", "(?:USD|CNY|RMB|EUR|€|£|¥)\\s?\\d", "\\d[\\d,.]*\\s?(?:dollars|yuan|euros|USD|CNY|RMB)", "per seat", "subscription", "pricing", "price", "revenue", "save\\w* [\\w ]{0,20}(?:hours|cost|money|headcount)", "cost savings?", "pay(?:s|ing)? [\\w ]{0,12}(?:per|a) (?:month|year|seat)", "contract value", "ROI"],
  },
];

/** Sentences that address the tool rather than describe the scenario. They are not facts and are not read. */
export const DIRECTIVE_PATTERNS: RegExp[] = [
  /\b(?:ignore|disregard|override|forget|bypass)\b[^.!?\n]{0,60}\b(?:rules?|instructions?|prompts?|guidelines|above|previous|scoring|policy|policies)\b/i,
  /\b(?:grade|score|rate|mark)\s+(?:this|it|us|the scenario|the project|the plan)\s+(?:as\s+)?(?:an?\s+)?["']?(?:[A-E]\b|go\b|\d|high|top|excellent|perfect|feasible)/i,
  /\b(?:verdict|grade|score|rating)\s*(?:[:=]|must be|should be|is)\s*["']?(?:go|pilot|[A-E]\b|\d)/i,
  /\b(?:you are now|act as|system prompt)\b|\b(?:assistant|system|developer)\s*:/i,
  /(?:忽略|无视|忘记|忘掉|不要管|跳过)[^。！？\n]{0,20}(?:规则|指令|提示|说明|要求|以上|上述|评分)/u,
  /(?:给|打|评|判)[^。！？\n]{0,6}(?:A\s*级|A级|满分|100\s*分|最高分|通过)/u,
  /(?:评级|评分|打分|分数|等级|结论)[^。！？\n]{0,4}(?:必须|应该|设为|改为|就是|直接)/u,
  /(?:系统提示|你现在是|扮演)/u,
];

// The words that say what a number in a description is, for the business figures (business.ts) and the stated
// constraints. Data, not logic: each pattern names what it recognises; business.ts decides in which order they apply.
// zh and en side by side. A pattern that reads "before" is anchored at the end of the words before the number ($),
// one that reads "after" at the start of the words after it (^).

/** Characters of context read on each side of a number, within its clause. */
export const WINDOW_BEFORE = 28;
export const WINDOW_AFTER = 32;
/** A clause ends at a sentence end or a comma: the words that qualify a figure sit in its own clause. */
export const CLAUSE_BREAK = /[。！？!?；;\n,，、]|\.\s/gu;

// ── currency ──
export const USD_BEFORE = /(?:US\s?\$|\$|USD\s?|美元\s?)\s*$/iu;
export const CNY_BEFORE = /(?:[¥￥]|RMB\s?|CNY\s?|人民币\s?)\s*$/iu;
export const CURRENCY_AFTER = /^\s*(?:(美元|美金|刀(?![片具])|dollars?\b|bucks\b|USD\b)|(元|块钱?|人民币|RMB\b|CNY\b|yuan\b|rmb\b))/iu;
/** A currency named anywhere in some words (an LLM's quotes): dollars, then yuan. */
export const USD_WORD = /\$|USD|US\s?dollars?|dollars?|美元|美金/iu;
export const CNY_WORD = /[¥￥]|RMB|CNY|yuan|人民币|元|块钱?/iu;

// ── periods and units of a price ──
/** Between an amount and its period: "/", "per seat per", "每人每", "a", "each user a"... */
const FILLER = String.raw`(?:\s+|\/|每|个|一|per\b|an?\b|each\b|every\b|for\s+each\b|seats?\b|users?\b|persons?\b|teachers?\b|agents?\b|licen[cs]es?\b|members?\b|accounts?\b|customers?\b|clients?\b|人|位|名|用户|席位?|账号|老师|坐席|家|客户)`;
export const PERIOD_AFTER = new RegExp(
  `^${FILLER}*?(?:(月(?!活)|months?\\b|mo\\b|monthly\\b)|(年(?!龄|级)|years?\\b|yr\\b|annum\\b|annually\\b|yearly\\b)|(小时|钟头|hours?\\b|hr\\b|h\\b|hourly\\b))`,
  "iu",
);
export const PER_SEAT = /seat|user|person|teacher|agent|licen|member|人|位|名|用户|席|账号|老师|坐席/iu;
export const PER_SEAT_BEFORE =
  /每人|每位|每名|每个?用户|每个?账号|每个?席位?|每个?老师|人均|per\s+(?:seat|user|teacher|agent|person|licen[cs]e)/iu;
export const PER_CUSTOMER_BEFORE = /每家|每个客户|per\s+(?:customer|client|account|company)/iu;
export const PER_CUSTOMER = /customer|client|account|company|家|客户|企业|公司/iu;
/** A price per use, after the amount: "$0.50 per document", "2 元/次", "每份 1 元" is read by USE_BEFORE. */
export const PER_USE_AFTER =
  /^\s*(?:\/\s*|每|per\s+|a\s+|each\s+)(?:次|份|篇|张|页|条|单|call\b|request\b|query\b|use\b|document\b|report\b|page\b|image\b|generation\b|conversation\b|analysis\b|review\b)/iu;
export const USE_BEFORE =
  /(?:按次收费|按次计费|每次|每份|每篇|每张|每条|单次|per\s+(?:call|request|query|use|document|report|page|image|generation))[^\d]{0,6}$/iu;

/** Words right before an amount that name its period (and make an amount without a currency sign money). */
export const MONTH_KEY =
  /(?:(?:每个?|按)月付费|月付费?|月费|包月|月租|每月|每个月|月订阅|月度订阅|monthly(?:\s+(?:fee|price|subscription|plan|licen[cs]e))?|per\s+month|a\s+month)/iu;
export const YEAR_KEY =
  /(?:年费|年付|包年|每年|年订阅|年合同|年度合同|annual(?:ly)?(?:\s+(?:contract|fee|licen[cs]e|subscription|deal))?(?:\s+value)?|per\s+year|a\s+year|yearly|ACV)/iu;
export const HOUR_KEY =
  /(?:时薪|每小时|小时成本|人力成本|hourly(?:\s+(?:rate|wage|cost))?|per\s+hour|loaded\s+(?:cost|rate|wage)|wage|labou?r\s+cost)/iu;
/** A price or contract word: an amount after it is money even without a sign ("客单价 5 万/年", "price 20"). */
export const PRICE_KEY =
  /(?:客单价|单价|售价|定价|价格|收费|订阅费|会员费|合同额|合同金额|合同价|priced?\s+at|price(?:\s+of)?|pricing|fee(?:\s+of)?|charges?|pays?|contract(?:\s+(?:value|worth|size))?(?:\s+of)?|deal\s+size|ACV(?:\s+of)?)/iu;
/** Key words that make an amount money without a currency sign; bare periods ("每月 30 条") do not. */
export const MONEY_WORD =
  /月付|月费|包月|月租|订阅|年费|年付|包年|合同|时薪|小时成本|人力成本|价|收费|fee|subscription|licen|contract|deal|ACV|rate|wage|cost|pric|charge|pay/iu;
export const CONTRACT_KEY = /客单价|合同|年费|年付|包年|contract|ACV|deal\s+size|annual\s+(?:fee|licen|subscription)/iu;
/** Anything between a key word and the amount: "月付 30", "年费为 10 万", "annual contract of $50k", "price: ~$20". */
const KEY_GAP = String.raw`(?:\s|[:：=~约为是]|大约|大概|of\b|at\b|is\b|around\b|about\b|roughly\b|only\b|just\b)*`;
export const KEY_BEFORE = new RegExp(`(?:${MONTH_KEY.source}|${YEAR_KEY.source}|${HOUR_KEY.source}|${PRICE_KEY.source})${KEY_GAP}$`, "iu");

/** Money that is spent, not earned: a budget, a salary, the API bill. Not a price. */
export const SPEND =
  /成本|预算|开支|花费|工资|月薪|年薪|薪资|薪水|收入|营收|营业额|融资|估值|API|GPU|显卡|算力|服务器|token|budget|salary|salaries|spend|revenue|turnover|valuation|funding|bill|infra\w*|server|compute|GPU|token|A100|H100|cloud/iu;
/** For hourly figures, only machines are excluded: "loaded cost $60/hour" is a wage. */
export const MACHINE = /API|GPU|显卡|算力|服务器|A100|H100|L40|4090|instance|server|cloud|云/iu;

// ── money with a named purpose (read before the generic price reading) ──
/** Customer acquisition cost: "CAC $40", "acquisition costs about $40 per paying customer", "获客成本每人 80 元". */
export const ACQUISITION =
  /获客成本|获客|拉新成本|拉新|单客获取成本|CAC\b|(?:customer\s+)?acquisition\s+(?:cost|costs|spend)|cost\s+(?:to|of)\s+acquir\w*|cost\s+per\s+(?:acquisition|install|paying)/iu;
/** A one-off budget: "a budget of $40,000", "预算 50 万". */
export const BUDGET = /预算|经费|总投入|budget/iu;
/** What one handled contact costs: "each call costs us $6", "每通电话人工成本 10 元", "cost per contact $5". */
export const CONTACT_COST =
  /cost\s+per\s+(?:contact|call|ticket|chat|conversation|enquiry|inquiry)|(?:each|per|a)\s+(?:contact|call|ticket|chat|enquiry|inquiry)\s+costs?|(?:contact|call|ticket)\s+costs?|每(?:次|通|个|单|张|条)?(?:人工)?(?:咨询|电话|来电|工单|会话|对话|客服)(?:的)?(?:人工)?成本|(?:人工)?客服成本|单次(?:人工)?(?:服务|接待)成本/iu;

// ── percentages ──
export const PERCENT_AFTER = /^\s*(?:%|％|percent\b|per\s?cent\b)/iu;
/** A share of each payment kept by a store, a platform or the payment processor. */
export const CHANNEL_FEE =
  /app\s*stores?|store\s+fees?|apple|google\s+play|commission|platform\s+(?:fee|cut|takes?)|payment\s+(?:fees?|processing)|processing\s+fees?|channel\s+(?:fee|cut|share)|渠道费|渠道分成|分成|抽成|佣金|手续费|平台费|通道费|应用商店|苹果|小程序平台/iu;
/** Contacts the system resolves with no agent. */
export const DEFLECTION =
  /deflect\w*|resolv\w*\s+(?:without|with\s+no|on\s+its\s+own)|self[- ]serv\w*|containment|automation\s+rate|automat\w*\s+resolv\w*|分流|拦截|自助解决|自动解决|机器人解决|无需人工|替代人工|解决率|自助率/iu;
export const ADOPTION =
  /采用率|使用率|渗透率|覆盖率|采用|会用|会使用|愿意用|adoption|adopt\w*|will\s+use|would\s+use|uptake|usage\s+rate/iu;
export const CONVERSION = /转化率|付费率|付费转化|转化|conversion|convert\w*|paid\s+rate/iu;
export const CHURN = /流失率|流失|退订率|退订|续费率|churn\w*|cancel\w*|renewal/iu;
/** A renewal or retention rate is the complement of churn. */
export const RETENTION = /续费率|留存率|renewal|retention|retain/iu;

// ── time ──
export const HOURS_AFTER = /^\s*(?:个)?\s*(?:(小时|钟头|hours?\b|hrs?\b|h\b)|(分钟|minutes?\b|mins?\b))/iu;
export const SAVE = /节省|节约|省下|省去|省出|省|减少|腾出|saves?\b|saved\b|saving\b|free[sd]?\s+up|frees\b|cuts?\b|reduces?\b|back\b/iu;
/** Minutes saved on each use: "saves about 20 minutes per question", "每次咨询节省 10 分钟". */
export const PER_USE =
  /per\s+(?:question|query|request|answer|use|ticket|case|call|document|report|email|reply|task)|(?:each|every|a)\s+(?:question|query|request|answer|use|ticket|case|call|document|report|email|reply|task)|每(?:次|个|条|单|份|篇|张|通)(?:问题|咨询|请求|回答|工单|案件|电话|文档|报告|邮件|回复|任务)?/iu;
export const WEEK = /每周|每星期|一周|周均|\/\s*周|a\s+week\b|per\s+week\b|each\s+week\b|every\s+week\b|weekly\b|\/\s*w(?:ee)?k\b/iu;
export const DAY = /每天|每日|一天|日均|\/\s*天|a\s+day\b|per\s+day\b|each\s+day\b|every\s+day\b|daily\b|\/\s*day\b/iu;
export const MONTH =
  /每月|每个月|一个月|月均|\/\s*月|a\s+month\b|per\s+month\b|each\s+month\b|every\s+month\b|monthly\b|\/\s*mo(?:nth)?\b/iu;
export const YEAR = /每年|一年|年均|\/\s*年|a\s+year\b|per\s+year\b|each\s+year\b|every\s+year\b|annual\w*|yearly\b|\/\s*yr\b/iu;
export const PER_PERSON =
  /每人|每位|每名|人均|each\s+(?:agent|employee|person|rep|teacher|lawyer|doctor|nurse|analyst)\b|per\s+(?:agent|employee|person|head|rep)\b/iu;

export const CYCLE_BEFORE = /销售周期|签约周期|成交周期|采购周期|sales\s+cycles?|deal\s+cycles?|to\s+close|closing/iu;
export const CYCLE_AFTER = /^\s*(?:-|‑)?\s*(?:个)?\s*(?:(月|months?\b)|(周|星期|weeks?\b))/iu;

// ── counts ──
export const CUSTOMERS_AFTER =
  /^\s*(?:多|余|\+)?\s*(?:家|个)(?:目标|付费|企业|公司)?(?:客户|企业|公司|机构|医院|银行|律所|学校|工厂|门店|画室|品牌|商家|诊所|单位)|^\s*\+?\s*(?:(?:paying|target|enterprise|business|corporate|B2B|new|signed|mid-market|SMB)\s+)*(?:customers|clients|companies|accounts|firms|hospitals|banks|law\s+firms|schools|enterprises|businesses|organi[sz]ations|retailers|clinics)\b/iu;
export const STAFF_AFTER =
  /^\s*(?:多|余|\+)?\s*(?:名|位|个)?\s*(?:客服人员|客服|坐席|员工|销售|律师|医生|护士|分析师|会计|运营人员|运营|审核员|标注员|理赔员|核保员|工程师|编辑|职员)(?!机器人|系统|工单|平台|助手|小程序|软件|后台)|^\s*\+?\s*(?:(?:support|customer[- ]service|service|sales|in-house|full-time|contact[- ]center|call[- ]center|claims|our)\s+)*(?:agents|employees|staff|reps|representatives|analysts|lawyers|paralegals|nurses|doctors|clinicians|accountants|operators|reviewers|underwriters|adjusters|workers|editors|engineers)\b/iu;
/** People who pay, after the number: "1000 多位付费老师", "1,000+ paying teachers", "1000多月付费几十元的用户". */
export const PAYING_AFTER =
  /^\s*(?:多|余|\+)?\s*(?:位|名|个|户)?\s*(?:月付费|付费|付过费|订阅|paying\b|paid\s+(?:users|subscribers|members)|subscribers\b)/iu;
/** People who pay, before the number: "付费用户 1200 人", "paying users: 1,200". */
export const PAYING_BEFORE =
  /(?:付费(?:用户|客户|老师|会员|学员)(?:数)?|订阅用户(?:数)?|paying\s+(?:users|customers|subscribers|members)|subscribers)\s*(?:[:：]|约|为|达|有|of|is|are|around|about)?\s*$/iu;
/** The addressable market, before the number: "the addressable market is about 400,000 learners", "目标市场约 30 万". */
export const MARKET_BEFORE =
  /(?:目标市场|市场规模|潜在用户|潜在客户|可触达(?:人群|用户)?|addressable\s+market|market\s+(?:size|of)|total\s+market|TAM|SAM)[^\d]{0,12}$/iu;
/** People reached a month: "we reach about 50,000 new people a month", "每月触达 5 万人". */
export const REACH =
  /reach\w*|visitors?|traffic|sign[- ]?ups?|installs?|downloads?|leads?|触达|访客|访问量|曝光|新增用户|新注册|注册用户|获客/iu;
/** Seats per customer: "a typical customer buys 50 seats", "每家客户约 50 个账号". */
export const SEATS_AFTER = /^\s*(?:个)?\s*(?:seats?\b|licen[cs]es?\b|席位|账号|坐席|个?用户)/iu;
export const SEATS_CONTEXT = /customer|client|company|account|每家|客户|企业|公司/iu;
/** "5,000 customers a day" is traffic, not a customer base. */
export const RATE_AFTER =
  /^[^。！？!?；;\n,，]{0,24}?(?:每天|每日|每月|每周|一天|a\s+day\b|per\s+day\b|daily\b|a\s+month\b|per\s+month\b|a\s+week\b|per\s+week\b)/iu;

// ── revenue model words ──
/** The service is free to its users: no revenue to book ("免费", "free chatbot"; "free users convert" is freemium). */
export const FREE =
  /免费|公益|不收费|无偿|free(?:\s+of\s+charge)?\b(?!\s*(?:trial|tier|plan|version|users?|accounts?|sign))|at\s+no\s+(?:cost|charge)|no\s+charge/iu;

// ── stated constraints ──
/** A team the description says it has: "we are 2 engineers", "只有 2 名工程师", "two founders". */
export const TEAM_BUILDERS_AFTER =
  /^\s*(?:个|名|位)?\s*(?:工程师|开发者?|程序员|研发|全栈|创始人|engineers?\b|developers?\b|devs?\b|founders?\b|ML\s+engineers?\b)/iu;
/** "a team of N engineers", "we are N", "只有 N 名工程师", "小团队". */
export const TEAM_CONTEXT =
  /we\s+(?:are|have)|we're|our\s+(?:dev|engineering|product|core|small)?\s*team|team\s+of|only|just|我们|团队|只有|仅有|一共|总共/iu;
/** Plain people count as the team only right after "we are / we have / 我们是 / 只有": "we are 3 people", "我们只有两个人". */
export const TEAM_PEOPLE_AFTER = /^\s*(?:个|名|位)?\s*(?:人(?!员|口|次|群|们)|people\b|persons?\b|-person\b)/iu;
export const TEAM_PEOPLE_BEFORE =
  /(?:we\s+(?:are|have)|we're|just|only|我们(?:是|有|只有|就)?|只有|仅有|一共|总共|就)\s*(?:about|around|约|大约)?\s*$/iu;

/** Weeks or months until launch: "with 8 weeks", "8 周内上线", "launch within 2 months". */
export const DEADLINE_AFTER = /^\s*(?:个)?\s*(?:(周|星期|weeks?\b)|(个月|月|months?\b))/iu;
export const DEADLINE_CONTEXT =
  /within|deadline|launch|ship|go\s+live|release|deliver|have\b|with\b|in\b|by\b|上线|交付|完成|发布|内|之内|以内|期限|工期|时间/iu;

// ── workload: pages and audio one use reads ──
/** "150-page contracts", "2 pages each", "每份约 30 页": pages per document (not a corpus: "our 400 policy pages"). */
export const PAGES_AFTER = /^\s*(?:-|‑)\s*pages?\b|^\s*(?:pages?|页)\s*(?:each|per\b|on\s+average|apiece)|^\s*页(?!面)/iu;
export const PAGES_BEFORE = /(?:每份|每篇|每个文件|每本|每套|平均|each|per\s+(?:document|contract|file|report|invoice))[^\d]{0,6}$/iu;
/** Audio a use handles: "calls last about 30 minutes", "30-minute call", "每通电话约 10 分钟". */
export const AUDIO_CONTEXT = /calls?\b|phone|meetings?\b|recordings?\b|consultations?\b|通话|电话|来电|会议|录音|问诊/iu;
export const MINUTES_AFTER = /^\s*(?:-|‑)?\s*(?:minutes?\b|mins?\b|分钟)/iu;
/** The input is audio to transcribe. */
export const AUDIO_INPUT =
  /transcrib\w*|speech[- ]to[- ]text|voice|phone\s+calls?|during\s+each\s+(?:phone\s+)?call|recorded\s+calls?|call\s+(?:centre|center|recordings?)|meeting\s+recordings?|video\s+meetings?|转写|语音|通话|录音|来电|呼叫中心/iu;
/** The input is scanned paper or images to read with OCR. */
export const SCANNED_INPUT = /scann\w*|photograph\w*|photos?\b|images?\s+of|handwrit\w*|OCR|扫描|拍照|照片|图片|影像|手写/iu;

import { TUNING, type RealCase } from "./types";

// Publicly documented deployments in the Chinese market, described in Chinese as their product managers would
// have before launch. Every fact in an input comes from the sources or is named in `notes` as an assumption.

export const ZH_CASES: readonly RealCase[] = [
  {
    id: "zh-internet-hospital-ai-prescriptions",
    locale: "zh",
    outcome: "failure",
    year: 2022,
    happened:
      "Some internet-hospital platforms let AI generate prescriptions to speed up repeat visits. The 2022 national rules for internet diagnosis (互联网诊疗监管细则) and Beijing's 2023 rules forbid AI-generated prescriptions; the doctor who sees the patient must write them.",
    sources: [
      {
        title: "《互联网诊疗监管细则(试行)》:严禁使用人工智能等自动生成处方",
        url: "https://www.cqn.com.cn/zhixiao/content/2022-06/13/content_8830999.htm",
        publisher: "中国质量新闻网(来源:北京商报)",
        date: "2022-06-13",
        dateKind: "published",
        quote: "医疗机构开展互联网诊疗活动,处方应由接诊医师本人开具,严禁使用人工智能等自动生成处方。严禁在处方开具前,向患者提供药品。",
      },
      {
        title: "北京将加强互联网诊疗监管:严禁使用 AI 自动生成处方",
        url: "https://joyk.com/dig/detail/1692588253677465",
        publisher: "joyk(据北京日报)",
        date: "2023-08-21",
        dateKind: "published",
        quote: "办法提出,医疗机构开展互联网诊疗活动要加强药品管理,严禁使用人工智能等自动生成处方,严禁在处方开具前向患者提供药品。",
      },
      {
        title: "《互联网诊疗监管细则(试行)》解读",
        url: "https://www.lxwg.cn/drugnewDescription/4966.html",
        publisher: "lxwg.cn",
        date: "2022",
        dateKind: "event",
        quote: "此前,部分互联网医疗平台为追求效率,通过AI跳过处方审核环节,甚至在患者自述症状与药品不符时仍开具处方,导致用药风险激增。",
      },
    ],
    input: {
      title: "互联网医院“AI 智能续方”",
      description:
        "我们的互联网医院每天有大量慢病复诊患者在线续方。计划上线“AI 智能续方”:患者上传既往病历和检查报告、描述当前症状后,大模型根据病历和用药指南自动生成处方,药师审方后即可配送药品,医生每天抽查一部分处方。这样医生不用逐单接诊,续方等待时间可以从几小时缩短到几分钟。我们已有多年的线上问诊记录和处方数据可以用来训练模型。",
      locale: "zh",
      industry: "healthcare",
      market: "toC",
      tasks: ["generation", "qa"],
      knowledge: ["private_documents", "vertical_expertise"],
      stakes: "high",
      humanReview: "sampled",
      deployment: "private_cloud",
    },
    notes:
      "这是一类被法规叫停的做法,而非某一家平台的公开事故;产品描述综合了来源中“部分平台通过AI跳过处方审核”的做法。等待时间和数据规模为假设。",
    expected: {
      verdict: "no_go",
      primaryTier: 2,
      needs: [],
      mustNotLead: TUNING,
      stakes: "critical",
      why:
        "《互联网诊疗监管细则(试行)》规定处方应由接诊医师本人开具,严禁使用人工智能等自动生成处方;北京2023年实施办法同样禁止。用药错误直接危及患者,属于 critical。按此设计不能上线;可改为给医生做病历摘要和用药提示、由医生本人开方,用处方数据训练模型也改变不了这一点。",
    },
  },
  {
    id: "zh-kids-watch-web-answers",
    locale: "zh",
    outcome: "failure",
    year: 2022,
    happened:
      "In August 2024 a 360 children's watch answered a child's question with content demeaning Chinese people; 周鸿祎 apologised and said the 2022 version had no LLM and answered by grabbing public web content. Days later a 小天才 watch's third-party 小度 app gave a similar answer and was pulled.",
    sources: [
      {
        title: "360儿童手表惹争议,跑偏的儿童手表何时能回归初心?",
        url: "https://lanhaiqingbao.com/suibi/29875.html",
        publisher: "蓝海情报网",
        date: "2024-08",
        dateKind: "event",
        quote:
          "周鸿祎表示,出问题的手表是2022年5月份的旧版本,未装入公司的大模型,其回答内容也并非来自人工智能,而是抓取网上的公开信息。公司目前已经进行了整改……已经删除了上述有关信息及引用网站的相关信息",
      },
      {
        title: "小天才电话手表回应问答不当:来自第三方App小度,已下架",
        url: "https://m.nbd.com.cn/articles/2024-08-30/3536709.html",
        publisher: "每日经济新闻",
        date: "2024-08-30",
        dateKind: "published",
        quote: "相关问答回答来自第三方App小度,目前已下架该应用,整改完成前将暂不上架。",
      },
    ],
    input: {
      title: "儿童手表“问答”功能",
      description:
        "我们的儿童手表要加一个语音问答功能:孩子对着手表提问,系统从网上的公开信息里检索相关内容,摘取答案直接朗读给孩子。用户主要是小学生,家长买手表是为了定位和通话,问答是让孩子随时能问“十万个为什么”。回答实时生成,没有人工审核,出货量以百万台计。",
      locale: "zh",
      industry: "education",
      market: "toC",
      tasks: ["qa"],
      knowledge: ["realtime", "general"],
      stakes: "low",
      humanReview: "none",
      deployment: "cloud_api",
    },
    notes: "“出货量以百万台计”为假设(来源只说明儿童手表市场规模)。产品经理填“低”风险是假设。",
    expected: {
      verdict: "rethink",
      primaryTier: 2,
      needs: ["rag"],
      mustNotLead: TUNING,
      stakes: "high",
      why:
        "检索本身没错,错在语料:面向小学生的回答不能从未经审核的开放网页摘取。用户是未成年人、无人审核,风险为 high。应重新设计:只从审核过的儿童知识库检索,敏感话题拒答或转家长,上线前用敏感问题集评测。",
    },
  },
  {
    id: "zh-futian-ai-digital-staff",
    locale: "zh",
    outcome: "success",
    year: 2025,
    happened:
      "In February 2025 Shenzhen Futian put 70 'AI digital staff' on DeepSeek into service across 240 scenarios; the district reported >95% accuracy on document-format correction, 90% less review time and 95% correct routing of citizen requests, with a named human guardian for every AI staff member.",
    sources: [
      {
        title: "多地政务服务系统引入DeepSeek大模型,智慧政务“新员工”上岗",
        url: "https://yxiu.cn/finance/jujiao/462071.html",
        publisher: "yxiu.cn(转载新闻)",
        date: "2025-02",
        dateKind: "event",
        quote:
          "个性化定制生成时间从5天缩短至分钟级,公文格式修正准确率超过95%,审核时间减少90%,错误率控制在5%以内……深圳市福田区创新性地出台了相关管理办法,明确人工智能的辅助角色,并指定人类监护人",
      },
      {
        title: "官方回应:每个AI员工,均有监护人",
        url: "https://field.10jqka.com.cn/20250219/c666155752.shtml",
        publisher: "同花顺财经",
        date: "2025-02-19",
        dateKind: "published",
        quote:
          "福田区搭建的数智融合平台,归集汇聚近十年各类政务数据1.2亿条,构建了覆盖政策法规、办事指南、历史案例等专属知识图谱……通过嵌入技术将知识库与模型相连",
      },
    ],
    input: {
      title: "福田区 AI 数智员工(基于 DeepSeek)",
      description:
        "区政务服务和数据管理局计划在政务云上部署 DeepSeek,为各部门定制“AI 数智员工”,首批 11 大类 70 名,覆盖公文格式校对、执法文书初稿、劳动仲裁文书、民生诉求分拨、招商企业筛选等 240 个业务场景。知识来源是我们归集的近十年政务数据、政策法规、办事指南和历史案例。所有输出都由工作人员核对、修改后使用,每个 AI 员工指定一名人类监护人负责。数据不出政务云。",
      locale: "zh",
      industry: "government",
      market: "internal",
      tasks: ["generation", "rewriting", "classification", "summarization", "qa"],
      knowledge: ["private_documents", "structured_data"],
      stakes: "medium",
      humanReview: "always",
      deployment: "private_cloud",
    },
    notes: "“1.2 亿条政务数据”是记录数而非文档数,因此没有填入 data.documents。",
    expected: {
      verdict: "go",
      primaryTier: 2,
      needs: ["rag"],
      mustNotLead: TUNING,
      stakes: "medium",
      why:
        "各场景的答案必须依据政策法规、办事指南和历史案例:按阶梯是检索增强;数据不出政务云意味着自部署开源模型,而不是微调。内部使用、每条输出有人核对并有监护人,风险为 medium,可以上线,并按场景设评测门槛。",
    },
  },
  {
    id: "zh-12345-hotline-agent-assist",
    locale: "zh",
    outcome: "success",
    year: 2023,
    happened:
      "Guangzhou's 12345 hotline introduced an LLM-based agent-assist system from 2023 and connected DeepSeek in 2025; reported results include 43% shorter waits and 97% correct routing of work orders. Other cities' hotlines report similar agent-assist deployments.",
    sources: [
      {
        title: "LLM智能助理如何应用于12345热线?",
        url: "https://insight.xiaoduoai.com/manage/how-can-llm-intelligent-assistants-be-applied-to-the-12345-hotline-what-are-the-application-cases-dig-deep-into-the-truth-of-the-implementation-of-government-ai-agent-implemented-effectively-in-many-p.html",
        publisher: "晓多AI(厂商博客)",
        date: "2025",
        dateKind: "event",
        quote:
          "广州作为数字化政府建设的先行者,早于2023年引入大语言模型技术,构建智能座席系统。2025年进一步全面接入DeepSeek大模型……等待时长缩短43%,工单转派准确率达97%。",
      },
      {
        title: "《12345热线接办质效提升——数智化应用指南》解读",
        url: "http://www.cisg.org.cn/index.php?c=show&id=894",
        publisher: "才博智慧治理研究院",
        date: "2025-09-29",
        dateKind: "published",
        quote: "围绕“受理-派单-办理-回访-考评-研判”全链条,论证技术应用场景、方案与指标",
      },
    ],
    input: {
      title: "12345 热线话务员智能辅助",
      description:
        "市 12345 政务服务便民热线每年受理数百万件诉求,话务员要在几分钟内听懂诉求、填写工单并派给对口承办单位,派错单会让群众来回跑。计划上线大模型坐席助手:通话实时转写,自动提取时间、地点、诉求要素填入工单,推荐诉求分类和承办单位,并从政策知识库里推荐答复口径。话务员确认或修改后才派单。系统部署在政务云上,历年工单和派单结果都有存档。",
      locale: "zh",
      industry: "government",
      market: "internal",
      tasks: ["classification", "extraction", "summarization", "qa"],
      knowledge: ["private_documents", "structured_data"],
      stakes: "medium",
      humanReview: "always",
      deployment: "private_cloud",
    },
    notes: "主要来源是厂商博客,数字未经独立核实;用于案例的是“话务员确认后派单”的部署形态。年受理量“数百万件”为来源中的行业概述。",
    expected: {
      verdict: "go",
      primaryTier: 2,
      needs: ["rag"],
      mustNotLead: TUNING,
      stakes: "medium",
      why:
        "答复口径必须依据政策知识库(检索增强),要素提取和分类推荐用提示即可起步;历年工单是现成的标注样本,只有当分类准确率在评测集上达不到要求时才值得微调一个小模型(作为带门槛的升级)。话务员确认后才派单,风险为 medium,可以上线。",
    },
  },
  {
    id: "zh-haizhu-ai-service-guide",
    locale: "zh",
    outcome: "success",
    year: 2024,
    happened:
      "Guangzhou Haizhu's government-services model powers an 'AI 导办' in the 珠事通 mini-program. Early tests often failed to answer or answered off-topic; after tuning on 1,700+ service items and 200,000+ item records, it guides citizens to the right item, conditions, materials and office.",
    sources: [
      {
        title: "海珠政务云脑大模型“AI导办师”学成上岗",
        url: "http://c.m.163.com/news/a/J5PK6LEC0514ESGE.html",
        publisher: "网易新闻",
        date: "2024",
        dateKind: "event",
        quote:
          "在海珠政务云脑大模型测试阶段前期,普遍存在“问而不答,答非所问”的情况,经过对1700多个政务事项、共20多万个事项数据集进行多轮全覆盖训练调优后,大模型变得“更聪明”了。",
      },
    ],
    input: {
      title: "“珠事通”AI 导办",
      description:
        "企业和群众经常不知道自己要办的事对应哪个政务事项、要带什么材料。我们要在“珠事通”小程序上线 AI 导办:用户用口语描述要办的事,系统追问几个关键点后,给出对应的事项名称、受理条件、材料清单、就近办理地址和咨询电话。依据是区里 1700 多个政务事项的办事指南,以及审批系统十年来积累的事项数据。回答直接展示给用户,不经人工审核,用户可以转人工咨询。",
      locale: "zh",
      industry: "government",
      market: "toC",
      tasks: ["qa", "conversation"],
      knowledge: ["private_documents"],
      data: { documents: 1700 },
      stakes: "medium",
      humanReview: "none",
      deployment: "private_cloud",
    },
    notes: "把 1700 多个事项的办事指南计为 1700 份文档。“可以转人工咨询”为假设。",
    expected: {
      verdict: "pilot",
      primaryTier: 2,
      needs: ["rag"],
      mustNotLead: TUNING,
      stakes: "medium",
      why:
        "答案必须忠于办事指南(检索增强,回答附事项原文);答错的代价是群众白跑一趟,风险为 medium。面向公众且无人审核,应先试点并以高频事项问题集的准确率为门槛;测试阶段“答非所问”时才考虑用事项数据调优,作为带门槛的升级而非起步。",
    },
  },
  {
    id: "zh-alipay-ai-health-butler",
    locale: "zh",
    outcome: "success",
    year: 2024,
    happened:
      "Alipay launched its AI 健康管家 in September 2024 with 30+ services and 20+ agents from health authorities, hospitals and named doctors; it became the stand-alone AQ app in 2025 (later 蚂蚁阿福), reported at 100 million users.",
    sources: [
      {
        title: "专家看诊有了“AI分身”,首批医疗智能体入驻支付宝",
        url: "https://53ai.com/news/AIyiliao/2024090609734.html",
        publisher: "53AI(来源:健闻咨询)",
        date: "2024-09-06",
        dateKind: "published",
        quote:
          "支付宝在“2024 Inclusion·外滩大会”上发布了“AI健康管家”,覆盖了找医生、读报告、陪看诊、问医保、管健康等30多项健康服务。在这些服务背后,是包括地方卫健和医保部门、头部三甲、重点专科、权威名医在内的首批20多个医疗智能体。",
      },
      {
        title: "支付宝发布多模态医疗大模型",
        url: "https://www.medvalley.cn/yiliaojiankang/75864.html",
        publisher: "医谷",
        date: "2024-07-05",
        dateKind: "event",
        quote: "为了让回答对话更加可靠,在研发阶段,支付宝还与数百个专业医学团队、专家进行合作标注数据,保障信息权威可信",
      },
    ],
    input: {
      title: "支付宝 AI 健康管家",
      description:
        "在支付宝里上线 AI 健康管家,作为用户健康服务的总入口:找医生、解读体检和检验报告、陪诊提醒、医保政策问答、慢病管理等 30 多项服务。背后接入地方卫健和医保部门、三甲医院、重点专科和名医的 20 多个医疗智能体。用户里中老年人不少;AI 不开处方,需要就医时引导挂号。回答直接给用户,不经医生逐条审核。",
      locale: "zh",
      industry: "healthcare",
      market: "toC",
      tasks: ["qa", "conversation", "summarization", "multimodal"],
      knowledge: ["vertical_expertise", "private_documents", "structured_data"],
      stakes: "high",
      humanReview: "none",
      deployment: "private_cloud",
    },
    notes: "“用户里中老年人不少”来自后续报道(阿福约三分之一中老年用户),作为产品经理的预期。部署方式为假设。",
    expected: {
      verdict: "pilot",
      primaryTier: 2,
      needs: ["rag"],
      mustNotLead: TUNING,
      stakes: "high",
      why:
        "面向公众(含老年人和患者)的健康问答与报告解读风险为 high:回答必须依据权威医学知识和医院、医保的官方信息(检索增强),不开处方、危急情况引导就医。应先在部分服务上试点,以医生评审的问答集为门槛;是否训练专用医疗模型应视评测结果而定,而不是起步就做。",
    },
  },
  {
    id: "zh-ctrip-tripgenie",
    locale: "zh",
    outcome: "success",
    year: 2023,
    happened:
      "Trip.com built its travel model 携程问道 and the AI assistant TripGenie; by early 2025 it reported 78% (flights) and 68% (hotels) self-service resolution, and orders from TripGenie users converting at twice the usual rate.",
    sources: [
      {
        title: "携程的AI生态棋局",
        url: "http://m.cnu.com.cn/industry/202504/81605.html",
        publisher: "中国商界网",
        date: "2025-04",
        dateKind: "published",
        quote:
          "其自研的垂直大模型“携程问道”已实现信息录入效率提升10%,而AI客服TripGenie的机票、酒店问题自助解决率分别达78%和68%,订单转化率较普通用户高一倍。",
      },
    ],
    input: {
      title: "AI 旅行助手(行程规划 + 机酒售后)",
      description:
        "在 App 里上线 AI 旅行助手:用户用自然语言说出需求,例如“五一轻松出行、预算 5000 元”,助手结合实时的机票酒店价格、库存和人流情况给出行程方案,用户确认后直接下单。订单售后问题(改签、退订、发票等)也先由助手自助处理,处理不了再转人工客服。价格和库存全部来自我们的交易系统。",
      locale: "zh",
      industry: "retail_ecommerce",
      market: "toC",
      tasks: ["conversation", "qa", "agent_workflow"],
      knowledge: ["realtime", "structured_data", "private_documents"],
      stakes: "medium",
      humanReview: "none",
      deployment: "private_cloud",
    },
    notes: "“五一轻松出行+预算5000元”是来源中的示例需求。部署方式为假设。",
    expected: {
      verdict: "go",
      primaryTier: 2,
      needs: ["rag", "agent"],
      mustNotLead: TUNING,
      stakes: "medium",
      why:
        "价格和库存必须来自实时交易系统(工具调用),攻略与规则来自知识库(检索增强),下单和改退是多步操作,需要智能体并在每次写操作前让用户确认。用户确认每笔交易、退改遵循系统规则,风险为 medium,可以上线并监控自助解决率和投诉。",
    },
  },
  {
    id: "zh-shenzhen-court-ai-trial-assist",
    locale: "zh",
    outcome: "success",
    year: 2024,
    happened:
      "Shenzhen Intermediate Court put its AI trial-assistance system into full use on 28 June 2024 after a trial from January (291,000 filings assisted, 11,600 draft judgments); it covers filing review, file reading, hearings and drafting, with judges deciding.",
    sources: [
      {
        title: "全國首個司法審判垂直領域大模型啟用 深圳法院人工智能輔助審判系統",
        url: "https://hkcd.com/hkcdweb/content/2024/06/29/content_8644888.html",
        publisher: "香港商報(來源:深圳特區報)",
        date: "2024-06-29",
        dateKind: "published",
        quote: "將審判流程從立案到結案拆解為85個節點……開發出立案智審、智能閱卷、智能庭審、智能文書生成4個相應的功能模塊",
      },
      {
        title: "深圳法院人工智能辅助审判系统(法律“玲”距离)",
        url: "http://kanghetangcha.com/news/content/2024-07/12/content_31069151.htm",
        publisher: "深圳新闻网(转载)",
        date: "2024-07-12",
        dateKind: "published",
        quote: "2024年1月系統試運行以來,輔助立案29.1萬件;輔助生成文書初稿1.16萬份。",
      },
      {
        title: "最高人民法院发布《关于规范和加强人工智能司法应用的意见》",
        url: "http://learnwithfaith.com/article/8540802.html",
        publisher: "转载最高人民法院网站消息",
        date: "2022-12-09",
        dateKind: "event",
        quote: "坚持对审判工作的辅助性定位和用户自主决策权,无论技术发展到何种水平,人工智能都不得代替法官裁判",
      },
    ],
    input: {
      title: "法院人工智能辅助审判系统",
      description:
        "为缓解案多人少,中院计划上线人工智能辅助审判系统,覆盖立案、阅卷、庭审、文书四个环节:立案材料智能审查、电子卷宗自动摘要和争议焦点整理、庭审辅助、裁判文书初稿生成。知识依托最高法案例库、法答网和法信等权威资源。系统只提供参考,文书由法官审核修改并署名,裁判由法官作出。先覆盖常见民商事案件,部署在法院内网。",
      locale: "zh",
      industry: "legal",
      market: "internal",
      tasks: ["summarization", "extraction", "generation", "classification"],
      knowledge: ["private_documents", "vertical_expertise"],
      stakes: "high",
      humanReview: "always",
      deployment: "on_prem",
    },
    notes: "“部署在法院内网”为假设(来源称自主研发)。",
    expected: {
      verdict: "pilot",
      primaryTier: 2,
      needs: ["rag"],
      mustNotLead: TUNING,
      stakes: "high",
      why:
        "最高法意见要求人工智能不得代替法官裁判、辅助结果仅供参考,因此每份输出由法官审核。法条和类案必须从权威案例库检索并可核验(检索增强);内网部署是自部署开源模型的理由,不是微调的理由。司法裁判风险 high,应按案由分批试点,以文书初稿的采纳率和错误率为门槛扩展。",
    },
  },
  {
    id: "zh-lawyer-ai-invented-precedents",
    locale: "zh",
    outcome: "failure",
    year: 2025,
    happened:
      "In a Beijing Tongzhou court case heard on 30 December 2024, a plaintiff's lawyer submitted two 'reference cases' an AI model had generated, including (2022)沪01民终12345号, which is actually an unrelated loan dispute; the court rejected that part of the submission and criticised the lawyer.",
    sources: [
      {
        title: "原告代理人援引的“完美”案例竟是AI编造",
        url: "https://www.everydaynews.com.cn/show/index/cid/25/id/29459.html",
        publisher: "每日新讯网(来源:法治日报)",
        date: "2025-11-12",
        dateKind: "published",
        quote:
          "原告代理人终于承认,参考案例是由其提炼本案的事实情节,后反复向某AI大模型软件提问,由该软件生成的参考案例,代理人未进一步核实,而是直接复制粘贴后即提交法院。",
      },
      {
        title: "当AI生成的“完美”案例现身法院",
        url: "http://e.mzyfz.org.cn/paper/2556/paper_68271_13904.html",
        publisher: "民主与法制",
        date: "2025-12",
        dateKind: "event",
        quote: "2024年5月,最高人民法院发布的《人民法院案例库建设运行工作规程》中,也明确要求各级人民法院审理案件时,应当检索人民法院案例库",
      },
    ],
    input: {
      title: "律师用通用大模型检索类案、撰写代理意见",
      description:
        "所里想让律师用通用 AI 大模型提升办案效率:律师把案件事实和诉求输入模型,让它找出最高法和各地中院支持类似诉求的参考案例,附上案号和裁判要点,再整理成书面代理意见提交法院。承办律师对提交的材料负责并署名。这样遇到不常见的诉求时,也能很快找到判例支持。",
      locale: "zh",
      industry: "legal",
      market: "internal",
      tasks: ["qa", "generation"],
      knowledge: ["vertical_expertise"],
      stakes: "medium",
      humanReview: "always",
      deployment: "cloud_api",
    },
    notes: "以律所为视角描述;“律师对材料负责并署名”为职业常规。",
    expected: {
      verdict: "rethink",
      primaryTier: 2,
      needs: ["rag"],
      mustNotLead: TUNING,
      stakes: "high",
      why:
        "类案必须从人民法院案例库、裁判文书网等真实语料中检索,每个案号逐一核验后才能引用;让通用模型“生成”判例正是虚构案号的来路。向法院提交的材料关系当事人权益和律师执业责任,风险 high。按此设计应重新考虑:改为检索增强并强制核验,微调无法解决编造问题。",
    },
  },
  {
    id: "zh-ai-customer-service-no-human",
    locale: "zh",
    outcome: "failure",
    year: 2025,
    happened:
      "By 2025 many platforms answered customers with AI first and hid the human agent; 法治日报 tested 10+ platforms and found AI agents that misunderstood and human agents that were hard to reach; MIIT named firms whose hotlines offered no reachable human and ordered them to fix it.",
    sources: [
      {
        title: "“听不懂人话、找不到真人” AI客服沦为企业敷衍消费者“工具”",
        url: "http://www.melive.cc/sh/2025/12-06/10527992.shtml",
        publisher: "法治日报(转载)",
        date: "2025-12-06",
        dateKind: "published",
        quote:
          "近期,工业和信息化部发布的相关通告直接点出行业症结——有些企业客服热线未提供人工客服,有些企业的人工客服无法接通,相关企业已被督促整改。……“一个AI超级客服可代替50个客服”“一年节省费用60万元”",
      },
      {
        title: "智能客服答非所问 人工客服要排长队 “AI客服快把人逼疯了”",
        url: "https://oubaol.com/IMguanwang/bocai/1748.html",
        publisher: "法治日报(转载)",
        date: "2025-07-04",
        dateKind: "published",
        quote: "在某电商的投诉平台上,关于“找不到人工客服”的问题投诉有将近2万条。",
      },
    ],
    input: {
      title: "AI 客服全面替代人工客服",
      description:
        "为降低客服成本,平台的在线客服和客服热线将全部先由 AI 客服应答,覆盖物流查询、退货退款、商品咨询和投诉。AI 客服按知识库和订单信息回答,7×24 小时在线。人工客服大幅缩编,入口放在多级菜单之后,只有用户多次要求时才转接。供应商承诺一个 AI 客服可替代 50 个人工。",
      locale: "zh",
      industry: "retail_ecommerce",
      market: "toC",
      tasks: ["conversation", "qa", "agent_workflow"],
      knowledge: ["private_documents", "structured_data"],
      stakes: "low",
      humanReview: "none",
      deployment: "cloud_api",
    },
    notes: "这是多家平台的共性做法(来源为法治日报对十余家平台的实测和工信部通告),不是某一家的单独事故。",
    expected: {
      verdict: "rethink",
      primaryTier: 2,
      needs: ["rag"],
      mustNotLead: TUNING,
      stakes: "high",
      why:
        "退货退款和投诉涉及对消费者的承诺和权益,风险 high;工信部已督促未提供或无法接通人工客服的企业整改。查询类问题用知识库检索和订单查询可以自动化,但退款投诉必须有随时可达的人工兜底。把人工藏起来的设计应重新考虑。",
    },
  },
  {
    id: "zh-wps-ai-writing",
    locale: "zh",
    outcome: "success",
    year: 2023,
    happened:
      "Kingsoft Office announced WPS AI in April 2023 as China's first ChatGPT-style office assistant, built on partners' models (Baidu, MiniMax) rather than its own, and made it part of paid membership.",
    sources: [
      {
        title: "對話金山辦公 CEO 章慶元:時不我待,All in AI",
        url: "https://dakule.com/content/dfe1e2f13fb77ab43043545fde0e546c.html",
        publisher: "dakule(转载极客公园访谈)",
        date: "2023",
        dateKind: "event",
        quote: "其旗下 WPS 是國内最接近微軟 Office 的產品,至今仍每個月服務近 6 億用戶設備。……4 月,它推出「WPS AI」,這是國内協同辦公賽道首個類 ChatGPT 式應用。",
      },
      {
        title: "金山办公的 WPS AI",
        url: "https://varalab.cn/xinwenzixun/433.html",
        publisher: "varalab(转载品玩)",
        date: "2023",
        dateKind: "event",
        quote: "金山办公没有独立研发大语言模型,它选择当“甲方”,使用大语言模型开发方如百度、MiniMax,开发自己的WPS AI。",
      },
    ],
    input: {
      title: "WPS AI:文档里的写作和问答助手",
      description:
        "在 WPS 文字、表格和演示里加入 AI 助手:起草和续写、改写润色、总结长文档,以及针对用户打开的文档提问并给出答案。我们不自研大模型,调用百度、MiniMax 等合作方的模型。生成的内容由用户自己审阅、修改后再使用。WPS 每月服务近 6 亿台设备,AI 功能作为会员权益付费提供。",
      locale: "zh",
      industry: "internet",
      market: "toC",
      tasks: ["generation", "rewriting", "summarization", "qa"],
      knowledge: ["general", "private_documents"],
      stakes: "low",
      humanReview: "always",
      deployment: "cloud_api",
    },
    notes: "会员价格未在来源中给出,未填写。“近 6 亿台设备”是 WPS 整体月活,不是 AI 功能的用户数,因此未填入 usage。",
    expected: {
      verdict: "go",
      primaryTier: 2,
      needs: ["rag"],
      mustNotLead: TUNING,
      stakes: "low",
      why:
        "写作和改写靠提示工程;长文档问答要从用户文档中检索相关段落(检索增强)。用户自己审阅每段内容,风险 low;不自研、调用成熟模型正符合从低阶开始的阶梯,可以上线。",
    },
  },
  {
    id: "zh-youdao-xiaop-ai-tutor",
    locale: "zh",
    outcome: "mixed",
    year: 2023,
    happened:
      "Youdao launched its 子曰 education model in July 2023 (about 20B parameters, 98% English answer accuracy claimed) and the 小P老师 tutor on its devices; AI essay correction lifted renewals, but users reported hallucinations, hardware revenue fell 33.5% in Q2 2025, and Youdao put DeepSeek into its Q&A pen because it reasoned better than its own model.",
    sources: [
      {
        title: "有道的大模型,开始教人练英语口语",
        url: "https://wap.265xx.com/w404/550621.html",
        publisher: "36氪(转载)",
        date: "2023-07-26",
        dateKind: "event",
        quote: "“子曰”20B的参数规模在动辄百亿千亿的大模型赛道中并不算大。至于模型效果,周枫告诉36氪,“子曰”在英语场景下已经能够做到98%的答题准确率。",
      },
      {
        title: "有道子曰3.0与小P老师",
        url: "http://www.qjtaobao.cn/news/detail/1/6098349.html",
        publisher: "DoNews(转载)",
        date: "2025",
        dateKind: "event",
        quote: "一、數據幻覺嚴重,小P老師頻頻“翻車”……2025年Q2,有道智能硬件業務整體收入仍同比下降33.5%",
      },
      {
        title: "网易有道 AI 答疑笔",
        url: "http://m.digipub.cc/dy/article/KKN41TJ70531M1CO.html?spss=dy_author",
        publisher: "晚点(转载)",
        date: "2025",
        dateKind: "event",
        quote: "两人的共识很快达成:要把这个产品放到答疑笔里,“因为确实发现 DeepSeek 的推理能力已经超过了我们自己的模型。”",
      },
    ],
    input: {
      title: "学习硬件上的 AI 答疑老师“小P老师”",
      description:
        "在词典笔和学习机上推出 AI 答疑老师“小P老师”:中小学生拍下题目或直接提问,它讲解数学、物理、化学题的解题思路,也能指导作文和英语口语。我们有自研的“子曰”教育大模型,英语场景答题准确率约 98%,另有多年积累的题库和讲解内容。孩子通常自己使用,家长不在旁边,回答也没有老师审核。硬件售价一千多元。",
      locale: "zh",
      industry: "education",
      market: "toC",
      tasks: ["qa", "conversation", "multimodal"],
      knowledge: ["vertical_expertise", "private_documents"],
      stakes: "medium",
      humanReview: "none",
      deployment: "private_cloud",
    },
    notes: "“多年积累的题库和讲解内容”为假设(有道的教辅业务)。售价“一千多元”来自用户对 X7Pro 的描述。",
    expected: {
      verdict: "pilot",
      primaryTier: 2,
      needs: ["rag"],
      mustNotLead: TUNING,
      stakes: "high",
      why:
        "面对无人看管的中小学生,讲错题就是教错知识,风险 high。讲解应依据题库的标准解答和步骤(检索增强),数理题需要逐步推导后再讲;98% 的英语准确率不代表数理题的表现。应先试点并以分学科的讲题错误率为门槛;已有自研模型不等于应继续押注微调,后来换用推理更强的通用模型也说明了这一点。",
    },
  },
  {
    id: "zh-bank-of-beijing-aib-assistant",
    locale: "zh",
    outcome: "success",
    year: 2024,
    happened:
      "Bank of Beijing put AIB 2.0 into production on 31 July 2024: multi-route retrieval over the bank's knowledge base plus an internet-search plug-in, 10+ business modules; it reports answer accuracy rising from 60% to 96%.",
    sources: [
      {
        title: "北京银行 AIB2.0 投产",
        url: "https://t.cj.sina.com.cn/articles/view/7072825535/1a592c0bf001019bmu",
        publisher: "新浪财经",
        date: "2024-08",
        dateKind: "event",
        quote:
          "2024年7月31日AIB2.0投产,在算力、数据、模型、平台工程四方面实现了技术换代升级,大模型推理准确性从60%提升至96%……升级多路召回流程……构建互联网知识检索插件",
      },
    ],
    input: {
      title: "银行内部员工 AI 助手",
      description:
        "全行员工每天要查大量制度文件、产品说明、跨境业务政策和操作指引。我们要升级内部 AI 助手:员工用自然语言提问,系统从行内知识库多路检索相关内容并生成回答,附上出处;行内资料覆盖不到的公开信息,通过互联网检索插件补充。助手只面向员工,答案供员工参考后再办理业务。模型和数据部署在行内,不出行。",
      locale: "zh",
      industry: "finance",
      market: "internal",
      tasks: ["qa", "summarization"],
      knowledge: ["private_documents", "realtime"],
      stakes: "medium",
      humanReview: "always",
      deployment: "on_prem",
    },
    notes: "员工人数未在来源中给出,未填写 usage。",
    expected: {
      verdict: "go",
      primaryTier: 2,
      needs: ["rag"],
      mustNotLead: TUNING,
      stakes: "medium",
      why:
        "回答必须忠于行内制度和产品文件并附出处,这正是检索增强;数据不出行是自部署开源模型的理由,不是微调的理由。员工参考后再办理业务,风险 medium;有评测集(准确率从 60% 到 96%)作为门槛,可以上线。",
    },
  },
];

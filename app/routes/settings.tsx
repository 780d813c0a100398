import type { MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { RouteError } from "~/components/route-error";
import type { Locale } from "~/domain/scenario";
import { useLocale } from "~/i18n/use-locale";
import { publicLlmSettings } from "~/llm/analyse.server";
import { findPrice, PRICE_TABLE } from "~/llm/prices.server";
import { PROMPT_VERSION } from "~/llm/prompt.server";
import { getDb } from "~/models/db.server";
import { getLlmUsageTotals, type LlmUsageTotals } from "~/models/llm-cache.server";

export const meta: MetaFunction = () => [{ title: "Settings · Tierwise" }];

// Shows how the LLM assist is configured. The key itself never leaves the server: only whether one is set.
export async function loader() {
  const settings = publicLlmSettings(process.env);
  let usage: LlmUsageTotals | null = null;
  try {
    usage = await getLlmUsageTotals({ db: await getDb() });
  } catch {
    usage = null;
  }
  const price = settings.model ? findPrice(settings.model) : undefined;
  return { settings, usage, promptVersion: PROMPT_VERSION, price: price ?? null, pricesVersion: PRICE_TABLE.version };
}

const TEXT = {
  en: {
    title: "Settings",
    intro: "The optional LLM assist reads scenario descriptions and proposes facts with quotes; the rules decide. It is configured by environment variables on the server.",
    provider: "LLM provider",
    status: "Status",
    on: "configured: the AI step is on",
    off: "not configured: plans use the offline extractor (set OPENAI_API_KEY to turn it on)",
    invalid: "invalid configuration: the AI step is off",
    host: "Base URL host",
    model: "Model",
    format: "Response format",
    formatSource: { env: "from TIERWISE_LLM_RESPONSE_FORMAT", provider: "chosen for this provider", default: "default" } as Record<string, string>,
    timeout: "Timeout",
    retries: "Retries on 429 and 5xx",
    prompt: "Prompt version",
    price: "Price used for cost estimates",
    noPrice: "not in data/llm-prices.json: cost shown as unknown",
    perM: (i: number, o: number) => `$${i} input / $${o} output per 1M tokens`,
    usage: "LLM usage on this server",
    calls: "Steps",
    cached: "answered from cache",
    failed: "failed",
    tokens: "Tokens",
    cost: "Estimated cost",
    unpriced: (n: number) => `${n} calls to unpriced models not counted`,
    noDb: "The database is not available.",
    key: "API key",
    keySet: "set (never shown)",
    keyUnset: "not set",
  },
  zh: {
    title: "设置",
    intro: "可选的大模型辅助会阅读场景描述、提议附带引文的事实；决定由规则做出。它通过服务器上的环境变量配置。",
    provider: "大模型服务",
    status: "状态",
    on: "已配置：AI 步骤已开启",
    off: "未配置：方案使用离线推断（设置 OPENAI_API_KEY 即可开启）",
    invalid: "配置有误：AI 步骤已关闭",
    host: "Base URL 主机",
    model: "模型",
    format: "返回格式",
    formatSource: { env: "来自 TIERWISE_LLM_RESPONSE_FORMAT", provider: "按服务商自动选择", default: "默认" } as Record<string, string>,
    timeout: "超时",
    retries: "429 与 5xx 重试次数",
    prompt: "提示词版本",
    price: "费用估算所用价格",
    noPrice: "不在 data/llm-prices.json 中：费用显示为未知",
    perM: (i: number, o: number) => `每百万 tokens：输入 $${i}，输出 $${o}`,
    usage: "本服务器的大模型用量",
    calls: "调用次数",
    cached: "来自缓存",
    failed: "失败",
    tokens: "Tokens",
    cost: "估算费用",
    unpriced: (n: number) => `${n} 次调用的模型无价格，未计入`,
    noDb: "数据库不可用。",
    key: "API 密钥",
    keySet: "已设置（不显示）",
    keyUnset: "未设置",
  },
} satisfies Record<Locale, unknown>;

export default function Settings() {
  const { settings, usage, promptVersion, price, pricesVersion } = useLoaderData<typeof loader>();
  const locale = useLocale();
  const t = TEXT[locale];
  const n = (v: number) => v.toLocaleString(locale === "zh" ? "zh-CN" : "en-US");
  return (
    <>
      <div className="page-head">
        <div>
          <h1>{t.title}</h1>
          <p>{t.intro}</p>
        </div>
      </div>
      <section className="card section" aria-labelledby="llm-title" data-testid="llm-settings">
        <h2 id="llm-title">{t.provider}</h2>
        <dl className="dl">
          <dt>{t.status}</dt>
          <dd data-testid="llm-status">{settings.configured ? t.on : settings.invalid ? t.invalid : t.off}</dd>
          {settings.invalid ? (
            <>
              <dt />
              <dd>
                <ul className="notice notice--warn">
                  {settings.invalid.map((e) => (
                    <li key={e.path}>
                      <code>{e.path}</code> {e.message}
                    </li>
                  ))}
                </ul>
              </dd>
            </>
          ) : null}
          <dt>{t.key}</dt>
          <dd>{settings.configured || settings.invalid ? t.keySet : t.keyUnset}</dd>
          {settings.configured ? (
            <>
              <dt>{t.host}</dt>
              <dd data-testid="llm-host">
                <code>{settings.baseUrlHost}</code>
              </dd>
              <dt>{t.model}</dt>
              <dd data-testid="llm-model">
                <code>{settings.model}</code>
              </dd>
              <dt>{t.format}</dt>
              <dd data-testid="llm-format">
                <code>{settings.responseFormat}</code> ({t.formatSource[settings.responseFormatSource ?? "default"]})
              </dd>
              <dt>{t.timeout}</dt>
              <dd data-testid="llm-timeout">{n((settings.timeoutMs ?? 0) / 1000)} s</dd>
              <dt>{t.retries}</dt>
              <dd>{settings.maxRetries}</dd>
              <dt>{t.price}</dt>
              <dd>{price ? `${t.perM(price.inputPerMTokens, price.outputPerMTokens)} (${price.asOf}, ${price.source})` : t.noPrice}</dd>
            </>
          ) : null}
          <dt>{t.prompt}</dt>
          <dd>
            <code>{promptVersion}</code> · prices {pricesVersion}
          </dd>
        </dl>
      </section>
      <section className="card section" aria-labelledby="usage-title" data-testid="llm-usage">
        <h2 id="usage-title">{t.usage}</h2>
        {usage ? (
          <dl className="dl">
            <dt>{t.calls}</dt>
            <dd>
              {n(usage.calls)} ({n(usage.cachedCalls)} {t.cached}, {n(usage.failedCalls)} {t.failed})
            </dd>
            <dt>{t.tokens}</dt>
            <dd>
              {n(usage.promptTokens)} + {n(usage.completionTokens)}
            </dd>
            <dt>{t.cost}</dt>
            <dd>
              ${usage.costUsd.toFixed(4)}
              {usage.unpricedCalls ? ` · ${t.unpriced(usage.unpricedCalls)}` : ""}
            </dd>
          </dl>
        ) : (
          <p className="muted">{t.noDb}</p>
        )}
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}

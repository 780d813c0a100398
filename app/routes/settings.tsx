import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { RouteError } from "~/components/route-error";
import { getEnv } from "~/env.server";
import { requireUser } from "~/lib/auth.server";
import { useT } from "~/i18n/use-locale";
import { publicLlmSettings } from "~/llm/analyse.server";
import { findPrice, PRICE_TABLE } from "~/llm/prices.server";
import { PROMPT_VERSION } from "~/llm/prompt.server";
import { getDb } from "~/models/db.server";
import { getLlmUsageTotals, type LlmUsageTotals } from "~/models/llm-cache.server";

export const meta: MetaFunction = () => [{ title: "Settings · Tierwise" }];

// Shows how the LLM assist is configured. The key itself never leaves the server: only whether one is set.
// Owners only: the usage totals are the whole server's spending.
export async function loader(args: LoaderFunctionArgs) {
  await requireUser(args, "owner");
  const settings = publicLlmSettings(getEnv().llm);
  let usage: LlmUsageTotals | null = null;
  try {
    usage = await getLlmUsageTotals({ db: await getDb() });
  } catch {
    usage = null;
  }
  const price = settings.model ? findPrice(settings.model) : undefined;
  return { settings, usage, promptVersion: PROMPT_VERSION, price: price ?? null, pricesVersion: PRICE_TABLE.version };
}

export default function Settings() {
  const { settings, usage, promptVersion, price, pricesVersion } = useLoaderData<typeof loader>();
  const { t, locale } = useT();
  const n = (v: number) => v.toLocaleString(locale === "zh" ? "zh-CN" : "en-US");
  return (
    <>
      <div className="page-head">
        <div>
          <h1>{t("settings.title")}</h1>
          <p>{t("settings.intro")}</p>
        </div>
      </div>
      <section className="card section" aria-labelledby="llm-title" data-testid="llm-settings">
        <h2 id="llm-title">{t("settings.provider")}</h2>
        <dl className="dl">
          <dt>{t("settings.status")}</dt>
          <dd data-testid="llm-status">
            {settings.configured ? t("settings.on") : settings.invalid ? t("settings.invalid") : t("settings.off")}
          </dd>
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
          <dt>{t("settings.key")}</dt>
          <dd>{settings.configured || settings.invalid ? t("settings.keySet") : t("settings.keyUnset")}</dd>
          {settings.configured ? (
            <>
              <dt>{t("settings.host")}</dt>
              <dd data-testid="llm-host">
                <code>{settings.baseUrlHost}</code>
              </dd>
              <dt>{t("settings.model")}</dt>
              <dd data-testid="llm-model">
                <code>{settings.model}</code>
              </dd>
              <dt>{t("settings.format")}</dt>
              <dd data-testid="llm-format">
                <code>{settings.responseFormat}</code> (
                {t(
                  `settings.formatSource.${settings.responseFormatSource === "env" || settings.responseFormatSource === "provider" ? settings.responseFormatSource : "default"}`,
                )}
                )
              </dd>
              <dt>{t("settings.timeout")}</dt>
              <dd data-testid="llm-timeout">{n((settings.timeoutMs ?? 0) / 1000)} s</dd>
              <dt>{t("settings.retries")}</dt>
              <dd>{settings.maxRetries}</dd>
              <dt>{t("settings.price")}</dt>
              <dd>
                {price
                  ? `${t("settings.perM", { i: price.inputPerMTokens, o: price.outputPerMTokens })} (${price.asOf}, ${price.source})`
                  : t("settings.noPrice")}
              </dd>
            </>
          ) : null}
          <dt>{t("settings.prompt")}</dt>
          <dd>
            <code>{promptVersion}</code> · {t("settings.pricesVersion", { v: pricesVersion })}
          </dd>
        </dl>
      </section>
      <section className="card section" aria-labelledby="usage-title" data-testid="llm-usage">
        <h2 id="usage-title">{t("settings.usage")}</h2>
        {usage ? (
          <dl className="dl">
            <dt>{t("settings.calls")}</dt>
            <dd>
              {n(usage.calls)} ({n(usage.cachedCalls)} {t("settings.cached")}, {n(usage.failedCalls)} {t("settings.failed")})
            </dd>
            <dt>{t("settings.tokens")}</dt>
            <dd>
              {n(usage.promptTokens)} + {n(usage.completionTokens)}
            </dd>
            <dt>{t("settings.cost")}</dt>
            <dd>
              ${usage.costUsd.toFixed(4)}
              {usage.unpricedCalls ? ` · ${t("settings.unpriced", { n: usage.unpricedCalls })}` : ""}
            </dd>
          </dl>
        ) : (
          <p className="muted">{t("settings.noDb")}</p>
        )}
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}

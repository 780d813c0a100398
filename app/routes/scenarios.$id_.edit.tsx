import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { AiAssist, wantsAiStep } from "~/components/ai-assist";
import { RouteError } from "~/components/route-error";
import { FORM_ERROR, ScenarioForm } from "~/components/scenario-form";
import { resolveLocale } from "~/i18n/locale.server";
import { useT } from "~/i18n/use-locale";
import { requireScenario } from "~/lib/auth.server";
import { pageLimitWait, retryAfterHeaders } from "~/lib/rate-limit.server";
import { retryAfterFromAction } from "~/lib/retry-after-headers";
import { formDataToValues, inputToValues, parseScenarioForm } from "~/lib/scenario-form";
import { translator } from "~/i18n/translate";
import { computePlan } from "~/models/planning.server";
import { getScenario, saveVersion } from "~/models/scenario.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.title} · Tierwise` : "Tierwise" }];

export const headers = retryAfterFromAction;

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  await requireScenario({ request, context }, params.id ?? "", "editor");
  const scenario = await getScenario({ id: params.id ?? "" });
  if (!scenario) throw new Response("Not found", { status: 404 });
  return { id: scenario.id, title: scenario.title, version: scenario.latestVersion, values: inputToValues(scenario.input) };
}

/** Same form, same schema as a new scenario; the result is saved as the next version of this one. */
export async function action({ params, request, context }: ActionFunctionArgs) {
  const id = params.id ?? "";
  const principal = await requireScenario({ request, context }, id, "editor");
  const locale = resolveLocale(request);
  const form = await request.formData();
  const parsed = parseScenarioForm(form, locale);
  if (!parsed.ok) {
    return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  }
  // Past the plan limit: 429 + Retry-After, and the form comes back with what was typed.
  const wait = await pageLimitWait("plan", { context, principal });
  if (wait !== null)
    return data(
      { errors: { [FORM_ERROR]: translator(locale)("error.rateLimited", { seconds: wait }) }, values: formDataToValues(form) },
      { status: 429, headers: retryAfterHeaders(wait) },
    );
  const plan = await computePlan(parsed.value, { useLlm: wantsAiStep(form) });
  const saved = await saveVersion({ id, input: parsed.value, plan, note: "edited", actor: principal });
  if (!saved) throw new Response("Not found", { status: 404 });
  return redirect(`/scenarios/${id}?saved=${saved.version}`);
}

export default function EditScenario() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, locale } = useT();
  return (
    <>
      <div className="page-head">
        <div>
          <h1>{d.title}</h1>
          <p>
            <Link to={`/scenarios/${d.id}`}>← {t("plan.version", { n: d.version })}</Link>
          </p>
        </div>
      </div>
      <ScenarioForm
        key={actionData ? "err" : "ok"}
        t={t}
        locale={locale}
        values={actionData?.values ?? d.values}
        errors={actionData?.errors ?? {}}
        submitLabel={t("plan.edit")}
        beforeSubmit={<AiAssist />}
      />
    </>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}

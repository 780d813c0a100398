import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { AiAssist, wantsAiStep } from "~/components/ai-assist";
import { RouteError } from "~/components/route-error";
import { ScenarioForm } from "~/components/scenario-form";
import { TEMPLATES, findTemplate } from "~/domain/kb/templates";
import { pick } from "~/domain/text";
import { resolveLocale } from "~/i18n/locale.server";
import { useT } from "~/i18n/use-locale";
import { inputToValues, parseScenarioForm, type FormValues } from "~/lib/scenario-form";
import { computePlan } from "~/models/planning.server";
import { createScenario } from "~/models/scenario.server";

export const meta: MetaFunction = () => [{ title: "New scenario · Tierwise" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const locale = resolveLocale(request);
  const templateId = new URL(request.url).searchParams.get("template");
  const template = templateId ? findTemplate(templateId) : undefined;
  const values: FormValues = template ? inputToValues(template.input[locale]) : {};
  return {
    templates: TEMPLATES.map((t) => ({ id: t.id, name: pick(t.name, locale), summary: pick(t.summary, locale) })),
    templateId: template?.id ?? null,
    values,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const locale = resolveLocale(request);
  const form = await request.formData();
  const parsed = parseScenarioForm(form, locale);
  if (!parsed.ok) {
    // The typed values go back to the form so nothing is lost.
    return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  }
  const plan = await computePlan(parsed.value, { useLlm: wantsAiStep(form) });
  const { id } = await createScenario({ input: parsed.value, plan });
  return redirect(`/scenarios/${id}`);
}

export default function NewScenario() {
  const { templates, templateId, values } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, locale } = useT();
  const shown = actionData?.values ?? values;
  return (
    <>
      <div className="page-head">
        <div>
          <h1>{t("form.title")}</h1>
          <p>{t("form.intro")}</p>
        </div>
      </div>
      <section aria-labelledby="templates-title">
        <h2 id="templates-title">{t("form.templates")}</h2>
        {templates.length === 0 ? (
          <p className="muted">{t("form.templates.none")}</p>
        ) : (
          <div className="templates" data-testid="templates">
            {templates.map((tpl) => (
              <Link key={tpl.id} to={`?template=${tpl.id}`} className="template" aria-current={tpl.id === templateId ? "true" : undefined} data-template={tpl.id} preventScrollReset>
                <span className="template__title">{tpl.name}</span>
                <span className="template__text">{tpl.summary}</span>
              </Link>
            ))}
          </div>
        )}
      </section>
      {templateId && !actionData ? <p className="notice notice--ok">{t("form.templates.applied")}</p> : null}
      {/* A new key per template (and per server answer) resets the uncontrolled inputs to the new defaults. */}
      <ScenarioForm
        key={`${templateId ?? "blank"}-${actionData ? "err" : "ok"}`}
        t={t}
        locale={locale}
        values={shown}
        errors={actionData?.errors ?? {}}
        submitLabel={t("form.submit")}
        beforeSubmit={<AiAssist />}
      />
    </>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}

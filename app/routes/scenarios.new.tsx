import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { AiAssist, wantsAiStep } from "~/components/ai-assist";
import { RouteError } from "~/components/route-error";
import { FORM_ERROR, ScenarioForm } from "~/components/scenario-form";
import { TEMPLATES, findTemplate } from "~/domain/kb/templates";
import { pick } from "~/domain/text";
import { resolveLocale } from "~/i18n/locale.server";
import { useT } from "~/i18n/use-locale";
import { requireUser } from "~/lib/auth.server";
import { pageLimitWait, retryAfterHeaders } from "~/lib/rate-limit.server";
import { retryAfterFromAction } from "~/lib/retry-after-headers";
import { translator } from "~/i18n/translate";
import { formDataToValues, inputToValues, parseScenarioForm, type FormValues } from "~/lib/scenario-form";
import { computePlan } from "~/models/planning.server";
import { createScenario, findByCreateKey } from "~/models/scenario.server";
import { newFormToken, readFormToken } from "~/workshop/form-token.server";

export const meta: MetaFunction = () => [{ title: "New scenario · Tierwise" }];

export const headers = retryAfterFromAction;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const principal = await requireUser({ request, context }, "editor");
  const locale = resolveLocale(request);
  const url = new URL(request.url);
  // Each visit to the form gets a one-time token, kept in its address: Back (which may reload the page) brings the same
  // token back, so a second submit of the same form is recognised instead of silently making a duplicate.
  const formToken = readFormToken(url.searchParams.get("form"));
  if (!formToken) {
    url.searchParams.set("form", newFormToken());
    throw redirect(`${url.pathname}${url.search}`);
  }
  const templateId = url.searchParams.get("template");
  const template = templateId ? findTemplate(templateId) : undefined;
  const values: FormValues = template ? inputToValues(template.input[locale]) : {};
  return {
    templates: TEMPLATES.map((t) => ({ id: t.id, name: pick(t.name, locale), summary: pick(t.summary, locale) })),
    templateId: template?.id ?? null,
    values,
    formToken,
    // Back to a form that was already submitted: say so at once (submitting it again is refused the same way).
    alreadyUsed: await findByCreateKey({ createKey: formToken, workspaceId: principal.workspaceId }),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const principal = await requireUser({ request, context }, "editor");
  const locale = resolveLocale(request);
  const form = await request.formData();
  const token = readFormToken(form.get("formToken"));
  // Refused before any work: the form keeps what is in it and gets a fresh token for a deliberate second scenario.
  const repeated = (first: { id: string; title: string }) =>
    data(
      { errors: {} as Record<string, string>, values: formDataToValues(form), duplicate: first, formToken: newFormToken() },
      { status: 409 },
    );
  const first = token ? await findByCreateKey({ createKey: token, workspaceId: principal.workspaceId }) : null;
  if (first) return repeated(first);
  const parsed = parseScenarioForm(form, locale);
  if (!parsed.ok) {
    // The typed values go back to the form so nothing is lost.
    return data({ errors: parsed.errors, values: parsed.values, duplicate: null, formToken: null }, { status: 400 });
  }
  // Past the plan limit: 429 + Retry-After, and the form comes back with what was typed (its token unused).
  const wait = await pageLimitWait("plan", { context, principal });
  if (wait !== null)
    return data(
      {
        errors: { [FORM_ERROR]: translator(locale)("error.rateLimited", { seconds: wait }) },
        values: formDataToValues(form),
        duplicate: null,
        formToken: null,
      },
      { status: 429, headers: retryAfterHeaders(wait) },
    );
  const plan = await computePlan(parsed.value, { useLlm: wantsAiStep(form) });
  const created = await createScenario({
    input: parsed.value,
    plan,
    createKey: token,
    workspaceId: principal.workspaceId,
    actor: principal,
  });
  // Two posts of one form at the same moment: the database let one through; the other hears about it.
  if (!created.created)
    return repeated({
      id: created.id,
      title: (await findByCreateKey({ createKey: token as string, workspaceId: principal.workspaceId }))?.title ?? "",
    });
  return redirect(`/scenarios/${created.id}`);
}

export default function NewScenario() {
  const { templates, templateId, values, formToken, alreadyUsed } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, locale } = useT();
  // After a refused repeat the server hands a fresh token: the next submit is a deliberate second scenario.
  const token = actionData?.formToken ?? formToken;
  const duplicate = actionData ? actionData.duplicate : alreadyUsed;
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
              <Link
                key={tpl.id}
                to={`?template=${tpl.id}`}
                className="template"
                aria-current={tpl.id === templateId ? "true" : undefined}
                data-template={tpl.id}
                preventScrollReset
              >
                <span className="template__title">{tpl.name}</span>
                <span className="template__text">{tpl.summary}</span>
              </Link>
            ))}
          </div>
        )}
      </section>
      {templateId && !actionData ? <p className="notice notice--ok">{t("form.templates.applied")}</p> : null}
      {duplicate ? (
        <div className="notice notice--warn" role="alert" data-testid="form-duplicate">
          <strong>{t("form.dup.title")}</strong> {t("form.dup.text", { title: duplicate.title })}{" "}
          <Link to={`/scenarios/${duplicate.id}`}>{t("form.dup.open", { title: duplicate.title })}</Link>
        </div>
      ) : null}
      {/* A new key per template (and per server answer) resets the uncontrolled inputs to the new defaults. */}
      <ScenarioForm
        key={`${templateId ?? "blank"}-${actionData ? (actionData.duplicate ? "dup" : "err") : "ok"}`}
        t={t}
        locale={locale}
        values={shown}
        errors={actionData?.errors ?? {}}
        submitLabel={t("form.submit")}
        beforeSubmit={
          <>
            <input type="hidden" name="formToken" value={token} data-testid="form-token" />
            <AiAssist />
          </>
        }
      />
    </>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}

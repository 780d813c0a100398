import type { LoaderFunctionArgs } from "@remix-run/node";
import { resolveLocale } from "~/i18n/locale.server";
import { getScenario, getVersion } from "~/models/scenario.server";
import { renderPlanMarkdown } from "~/report/markdown";

/** The plan as a Markdown memo in the page's language (`?lang=`), rendered by the report module. */
export async function loader({ params, request }: LoaderFunctionArgs) {
  const id = params.id ?? "";
  const v = Number(new URL(request.url).searchParams.get("v"));
  const found = Number.isInteger(v) && v >= 1 ? await getVersion({ id, version: v }) : await getScenario({ id });
  if (!found) return new Response("Not found", { status: 404, headers: { "content-type": "text/plain" } });
  return new Response(renderPlanMarkdown(found.plan, resolveLocale(request)), {
    headers: {
      "content-type": "text/markdown; charset=utf-8",
      "content-disposition": `attachment; filename="tierwise-${id}.md"`,
    },
  });
}

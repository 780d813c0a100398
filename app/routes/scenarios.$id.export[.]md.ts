import type { LoaderFunctionArgs } from "@remix-run/node";
import { resolveLocale, resolveTimeZone } from "~/i18n/locale.server";
import { auditExport, authorizeExport } from "~/lib/exports.server";
import { getScenario, getVersion } from "~/models/scenario.server";
import { renderPlanMarkdown } from "~/report/markdown";

/** The plan as a Markdown memo in the page's language (`?lang=`), of version `?v=` (the latest when absent). */
export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const id = params.id ?? "";
  const principal = await authorizeExport({ request, context }, id);
  const v = Number(new URL(request.url).searchParams.get("v"));
  const scenario = await getScenario({ id });
  const found = scenario ? await getVersion({ id, version: Number.isInteger(v) && v >= 1 ? v : scenario.latestVersion }) : null;
  if (!found) return new Response("Not found", { status: 404, headers: { "content-type": "text/plain" } });
  const markdown = renderPlanMarkdown(found.plan, resolveLocale(request), {
    version: { number: found.version, savedAt: found.createdAt },
    timeZone: resolveTimeZone(request),
    upgrade: found.upgrade,
    ...(found.version === scenario?.latestVersion ? { title: scenario.title } : {}),
  });
  await auditExport(principal, id, { format: "Markdown", version: found.version });
  return new Response(markdown, {
    headers: {
      "content-type": "text/markdown; charset=utf-8",
      "content-disposition": `attachment; filename="tierwise-${id}-v${found.version}.md"`,
    },
  });
}

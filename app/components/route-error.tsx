import { isRouteErrorResponse, Link, useRouteError, useRouteLoaderData } from "@remix-run/react";
import type { Locale } from "~/domain/scenario";
import { translator } from "~/i18n/translate";

/** Every page's error boundary: a clear message in the page's language and a way back. */
export function RouteError() {
  const error = useRouteError();
  const data = useRouteLoaderData("root") as { locale?: Locale } | undefined;
  const t = translator(data?.locale ?? "en");
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  if (!isRouteErrorResponse(error) && typeof window === "undefined") console.error(error);
  return (
    <section className="error-page" role="alert">
      <p className="error-page__code">{isRouteErrorResponse(error) ? error.status : 500}</p>
      <h1>{notFound ? t("error.notFound") : t("error.title")}</h1>
      <p>{notFound ? t("error.notFoundText") : t("error.generic")}</p>
      <p>
        <Link to="/" className="button">
          {t("error.back")}
        </Link>
      </p>
    </section>
  );
}

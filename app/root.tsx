import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  Link,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useRevalidator,
  useRouteLoaderData,
} from "@remix-run/react";
import { useEffect } from "react";
import { RouteError } from "~/components/route-error";
import { useNonce } from "~/lib/nonce";
import type { Locale } from "~/domain/scenario";
import { resolveLocale, resolveTimeZone } from "~/i18n/locale.server";
import { TIME_ZONE_COOKIE } from "~/i18n/time-zone";
import { translator } from "~/i18n/translate";
import appCss from "~/styles/app.css?url";
import printCss from "~/styles/print.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: appCss },
  { rel: "stylesheet", href: printCss, media: "print" },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "Tierwise · 大模型落地决策台" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  // Who is signed in (accounts on): the header names them and their workspace. Null with accounts off.
  const p = context.principal;
  const account = p && p.kind !== "local" ? { email: p.email, workspace: p.workspaceName, role: p.role } : null;
  // The time zone is part of the root data, so pages cached by their render key (entry.server) differ by it too.
  return { locale: resolveLocale(request), timeZone: resolveTimeZone(request), account };
}

/**
 * Times are shown in the reader's zone: the browser reports it once in a cookie, and the page reloads its data so
 * that what the server formatted (version dates, the PDF's stamp) follows. No inline script: an effect after hydration.
 */
function useReportTimeZone(current: string | null | undefined) {
  const { revalidate } = useRevalidator();
  useEffect(() => {
    if (current === undefined) return;
    const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!tz || tz === current) return;
    document.cookie = `${TIME_ZONE_COOKIE}=${encodeURIComponent(tz)}; Path=/; Max-Age=31536000; SameSite=Lax`;
    revalidate();
  }, [current, revalidate]);
}

/** The current address without ?lang, for the language switch to come back to. */
function returnPath(pathname: string, search: string): string {
  const params = new URLSearchParams(search);
  params.delete("lang");
  const rest = params.toString();
  return pathname + (rest ? `?${rest}` : "");
}

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const locale: Locale = data?.locale ?? "en";
  const t = translator(locale);
  useReportTimeZone(data ? data.timeZone : undefined);
  const location = useLocation();
  const nonce = useNonce();
  const other: Locale = locale === "zh" ? "en" : "zh";
  const to = returnPath(location.pathname, location.search);
  // Share pages are for readers outside the team: no navigation into the workspace.
  const isShare = location.pathname.startsWith("/share/");
  return (
    <html lang={locale === "zh" ? "zh-CN" : "en"}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          {t("app.skip")}
        </a>
        <header className="site-header">
          <div className="site-header__inner">
            <Link to={isShare ? location.pathname : "/"} className="brand">
              <span className="brand__mark" aria-hidden="true">
                <span />
                <span />
                <span />
              </span>
              <span className="brand__name">{t("app.name")}</span>
              <span className="brand__tagline">{t("app.tagline")}</span>
            </Link>
            {isShare ? null : (
              <nav aria-label={t("nav.main")} className="site-nav">
                <NavLink to="/" end>
                  {t("nav.scenarios")}
                </NavLink>
                {data?.account?.role === "viewer" ? null : <NavLink to="/scenarios/new">{t("nav.new")}</NavLink>}
                <NavLink to="/compare">{t("nav.compare")}</NavLink>
                <NavLink to="/settings">{t("nav.settings")}</NavLink>
                {data?.account ? (
                  <>
                    <NavLink to="/workspace" title={data.account.workspace}>
                      {t("nav.workspace")}
                    </NavLink>
                    <NavLink to="/account" title={data.account.email ?? undefined} data-testid="account-link">
                      {t("nav.account")}
                    </NavLink>
                    <form method="post" action="/logout" className="inline-form">
                      <button type="submit" className="link-button" data-testid="sign-out">
                        {t("nav.signOut")}
                      </button>
                    </form>
                  </>
                ) : null}
              </nav>
            )}
            <a
              className="lang-switch"
              href={`/lang?lang=${other}&to=${encodeURIComponent(to)}`}
              hrefLang={other === "zh" ? "zh-CN" : "en"}
              lang={other === "zh" ? "zh-CN" : "en"}
              title={t("lang.switchToTitle")}
              data-testid="lang-switch"
            >
              <span className="visually-hidden">{t("lang.label")}: </span>
              {t("lang.switchTo")}
            </a>
          </div>
        </header>
        <main id="main" className="site-main">
          {children}
        </main>
        <footer className="site-footer">
          <p>{t("footer.note")}</p>
        </footer>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  return <RouteError />;
}

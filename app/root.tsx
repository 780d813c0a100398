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
  useRouteLoaderData,
} from "@remix-run/react";
import { RouteError } from "~/components/route-error";
import { useNonce } from "~/lib/nonce";
import type { Locale } from "~/domain/scenario";
import { resolveLocale } from "~/i18n/locale.server";
import { translator } from "~/i18n/messages";
import appCss from "~/styles/app.css?url";
import printCss from "~/styles/print.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: appCss },
  { rel: "stylesheet", href: printCss, media: "print" },
  { rel: "icon", href: "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'%3E%3Crect width='32' height='32' rx='7' fill='%230b5cad'/%3E%3Cpath d='M8 22h5v-6H8zm5.5 0h5V12h-5zm5.5 0h5V8h-5z' fill='white'/%3E%3C/svg%3E" },
];

export const meta: MetaFunction = () => [{ title: "Tierwise · 大模型落地决策台" }];

export async function loader({ request }: LoaderFunctionArgs) {
  return { locale: resolveLocale(request) };
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
                <NavLink to="/scenarios/new">{t("nav.new")}</NavLink>
                <NavLink to="/compare">{t("nav.compare")}</NavLink>
                <NavLink to="/settings">{t("nav.settings")}</NavLink>
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

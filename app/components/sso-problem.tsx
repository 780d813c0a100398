// Why a single sign-on did not sign the person in, in the page's language, with the way back to the sign-in page
// (the callback's refusals and a start that could not reach the provider; ADR 0043).
import { Link } from "@remix-run/react";
import { useT } from "~/i18n/use-locale";
import type { MessageKey } from "~/i18n/translate";

export type SsoProblemCode =
  | "state"
  | "provider"
  | "unreachable"
  | "token"
  | "unverified"
  | "no-invitation"
  | "disabled"
  | "throttled"
  | "cross-site"
  | "linked-elsewhere";

export function SsoProblem({ problem, name, minutes }: { problem: SsoProblemCode; name: string; minutes: number }) {
  const { t } = useT();
  const text = problem === "throttled" ? t("auth.login.throttled", { minutes }) : t(`auth.oidc.error.${problem}` as MessageKey, { name });
  return (
    <div className="card narrow" data-testid="sso-problem" data-problem={problem}>
      <h1>{t("auth.oidc.title", { name })}</h1>
      <p className="notice notice--error" role="alert" data-testid="sso-error">
        {text}
      </p>
      <p>
        <Link to="/login" className="button">
          {t("auth.oidc.back")}
        </Link>
      </p>
    </div>
  );
}

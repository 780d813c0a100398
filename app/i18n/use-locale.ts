import { useRouteLoaderData } from "@remix-run/react";
import type { Locale } from "~/domain/scenario";
import { translator, type Translate } from "~/i18n/translate";

/** The page's locale from the root loader; error pages rendered without it fall back to English. */
export function useLocale(): Locale {
  const data = useRouteLoaderData("root") as { locale?: Locale } | undefined;
  return data?.locale ?? "en";
}

export function useT(): { t: Translate; locale: Locale } {
  const locale = useLocale();
  return { t: translator(locale), locale };
}

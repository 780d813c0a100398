import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { isLocale, localeCookie } from "~/i18n/locale.server";
import { safeRedirectPath } from "~/lib/safe-redirect";

// The language switch is a plain link (works without JavaScript): set the cookie, go back where the user was.
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const lang = url.searchParams.get("lang");
  // Only same-site paths: an open redirect would let a link to Tierwise bounce anywhere.
  const target = safeRedirectPath(url.searchParams.get("to"));
  if (!isLocale(lang)) return redirect(target);
  return redirect(target, { headers: { "set-cookie": localeCookie(lang) } });
}

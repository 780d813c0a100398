import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { isLocale, localeCookie } from "~/i18n/locale.server";

// The language switch is a plain link (works without JavaScript): set the cookie, go back where the user was.
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const lang = url.searchParams.get("lang");
  const to = url.searchParams.get("to") ?? "/";
  // Only same-site paths: an open redirect would let a link to Tierwise bounce anywhere.
  const target = to.startsWith("/") && !to.startsWith("//") && !to.startsWith("/\\") ? to : "/";
  if (!isLocale(lang)) return redirect(target);
  return redirect(target, { headers: { "set-cookie": localeCookie(lang) } });
}

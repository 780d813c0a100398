import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { getEnv } from "~/env.server";
import { optionalUser, sessionCookie } from "~/lib/auth.server";
import { deleteSession } from "~/models/accounts.server";

// POST /logout ends this session (the cookie and its row). GET does nothing: a link or an image must not sign anyone out.
export async function loader() {
  return redirect("/");
}

export async function action({ request, context }: ActionFunctionArgs) {
  if (getEnv().TIERWISE_AUTH === "off") return redirect("/");
  const principal = await optionalUser({ request, context });
  if (principal?.kind === "session" && principal.handle) await deleteSession({ handle: principal.handle });
  return redirect("/login", { headers: { "set-cookie": sessionCookie(request, null) } });
}

import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import {
  clearSessionCookie,
  invalidateSession,
  readCookie,
  SESSION_COOKIE,
  sessionIdOf,
} from "../domain/auth/session.server";

/** Sign-out deletes the session row; the cookie is cleared too. POST only. */
export async function action({ request }: ActionFunctionArgs) {
  const token = readCookie(request, SESSION_COOKIE);
  const id = token ? sessionIdOf(token) : undefined;
  if (id) await invalidateSession(id);
  return redirect("/login?signedOut", { headers: { "Set-Cookie": clearSessionCookie(request.url) } });
}

export function loader() {
  return redirect("/");
}

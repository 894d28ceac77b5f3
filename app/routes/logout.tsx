import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import {
  clearSessionCookie,
  invalidateSession,
  readCookie,
  SESSION_COOKIE,
  sessionIdOf,
  validateSessionToken,
} from "../domain/auth/session.server";
import { ErrorPage } from "../components/ErrorPage";

/** Sign-out deletes the session row; the cookie is cleared too. POST only. */
export async function action({ request }: ActionFunctionArgs) {
  const token = readCookie(request, SESSION_COOKIE);
  const session = token ? await validateSessionToken(token) : null;
  const id = token ? sessionIdOf(token) : undefined;
  if (id) await invalidateSession(id);
  // Family members go back to their own sign-in page.
  const to = session?.kind === "family" ? "/family/login?signedOut" : "/login?signedOut";
  return redirect(to, { headers: { "Set-Cookie": clearSessionCookie(request.url) } });
}

export function loader() {
  return redirect("/");
}

/** A refused request (a body that is not a form, a log one may not leave…) is a page, not JSON. */
export const ErrorBoundary = ErrorPage;

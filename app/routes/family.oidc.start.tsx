import { data, redirect, type ActionFunctionArgs } from "@remix-run/node";
import { oidcRedirectUrl, oidcSettings, pendingCookie, startOidcSignIn } from "../domain/family/oidc.server";
import { ErrorPage } from "../components/ErrorPage";

/**
 * Family sign-in through ID-porten / OpenID Connect, step 1 (POST from /family/login):
 * remember this flow's state, nonce and PKCE verifier in a short cookie and send the
 * browser to the provider. 404 when OIDC is not configured.
 */
export async function action({ request }: ActionFunctionArgs) {
  if (!oidcSettings()) throw data(null, { status: 404 });
  let started: Awaited<ReturnType<typeof startOidcSignIn>>;
  try {
    started = await startOidcSignIn(oidcRedirectUrl());
  } catch {
    // The provider could not be reached or answered nonsense; the login page says so.
    return redirect("/family/login?oidc=failed");
  }
  return redirect(started.authorizationUrl, { headers: { "Set-Cookie": pendingCookie(started.pending, request.url) } });
}

export function loader() {
  return redirect("/family/login");
}

/** A refused request (a body that is not a form, a log one may not leave…) is a page, not JSON. */
export const ErrorBoundary = ErrorPage;

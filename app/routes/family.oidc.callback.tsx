import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { readCookie, sessionCookie } from "../domain/auth/session.server";
import {
  clearPendingCookie,
  finishOidcSignIn,
  OIDC_PENDING_COOKIE,
  oidcRedirectUrl,
  oidcSettings,
} from "../domain/family/oidc.server";

/**
 * Family sign-in through ID-porten / OpenID Connect, step 2: the provider sends the browser
 * back here. The pending cookie is spent either way; a refusal goes back to the login page
 * with ?oidc=unknown (no family account has this national id) or ?oidc=failed.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  if (!oidcSettings()) return redirect("/family/login");
  const pending = readCookie(request, OIDC_PENDING_COOKIE) ?? "";
  const outcome = await finishOidcSignIn(new URL(request.url), pending, oidcRedirectUrl());
  const headers = new Headers();
  headers.append("Set-Cookie", clearPendingCookie(request.url));
  if ("token" in outcome) {
    headers.append("Set-Cookie", sessionCookie(outcome.token, request.url));
    return redirect("/family", { headers });
  }
  const reason = outcome.refused === "unknown_person" ? "unknown" : "failed";
  return redirect(`/family/login?oidc=${reason}`, { headers });
}

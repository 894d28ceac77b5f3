import * as client from "openid-client";
import { settings } from "../../config.server";
import { isLocalhost } from "../auth/session.server";
import { signInWithNationalId } from "./accounts.server";

/**
 * Family sign-in through ID-porten or another OpenID Connect provider
 * (docs/decisions/009-family-oidc.md): authorization code flow with PKCE, state and nonce,
 * done by openid-client. The national id number the provider vouches for finds the
 * person's family account (signInWithNationalId); nobody is created here.
 *
 * What the browser carries between start and callback (the "pending" cookie) is the
 * state, the nonce and the PKCE code verifier of this one flow, as they are. It is not
 * signed, and need not be: the three values are fresh random per flow and known only to
 * this browser (HttpOnly, Path=/family/oidc, ten minutes). Changing the cookie only
 * changes what the callback expects; it cannot make the provider vouch for someone else:
 * the code is bound to the verifier (PKCE), the answer to the state, the ID token to the
 * nonce, and openid-client checks all three before a national id is read. Planting a
 * cookie in someone else's browser needs a way to set cookies on our host in the first
 * place. So there is no server-side store and no signing key, and a restart does not
 * break flows in progress.
 */
export const OIDC_PENDING_COOKIE = "stafettlogg_oidc";
const PENDING_PATH = "/family/oidc";
const PENDING_MAX_AGE_SECONDS = 10 * 60;
export const OIDC_CALLBACK_PATH = "/family/oidc/callback";

/** Set when OIDC_ISSUER is: the label for the sign-in button. */
export function oidcSettings(): { label: string } | null {
  const s = settings();
  if (!s.OIDC_ISSUER || !s.OIDC_CLIENT_ID || !s.OIDC_CLIENT_SECRET) return null;
  return { label: s.OIDC_LABEL };
}

/**
 * Where the provider sends the browser back: OIDC_REDIRECT_URL, else PUBLIC_URL (as for
 * mail links, never the request's address) plus /family/oidc/callback. It must be
 * registered with the provider exactly.
 */
export function oidcRedirectUrl(): string {
  const s = settings();
  if (s.OIDC_REDIRECT_URL) return s.OIDC_REDIRECT_URL;
  return `${s.PUBLIC_URL}${OIDC_CALLBACK_PATH}`;
}

interface ProviderSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  scope: string;
  nationalIdClaim: string;
}

function providerSettings(): ProviderSettings {
  const s = settings();
  if (!s.OIDC_ISSUER || !s.OIDC_CLIENT_ID || !s.OIDC_CLIENT_SECRET) throw new Error("OIDC is not configured");
  return {
    issuer: s.OIDC_ISSUER,
    clientId: s.OIDC_CLIENT_ID,
    clientSecret: s.OIDC_CLIENT_SECRET,
    scope: s.OIDC_SCOPE,
    nationalIdClaim: s.OIDC_NATIONAL_ID_CLAIM,
  };
}

/** Plain http only for a provider on this machine (tests, local development). */
function isLoopbackHttp(issuer: URL) {
  const host = issuer.hostname;
  return issuer.protocol === "http:" && (host === "localhost" || host === "127.0.0.1" || host === "[::1]");
}

/** Discovered configurations per issuer and client; a failed discovery is tried again next time. */
const configurations = new Map<string, Promise<client.Configuration>>();

function configuration(p: ProviderSettings): Promise<client.Configuration> {
  const key = JSON.stringify([p.issuer, p.clientId, p.clientSecret]);
  let found = configurations.get(key);
  if (!found) {
    const issuer = new URL(p.issuer);
    found = client.discovery(issuer, p.clientId, p.clientSecret, undefined, {
      execute: isLoopbackHttp(issuer) ? [client.allowInsecureRequests] : [],
      timeout: 10,
    });
    configurations.set(key, found);
    found.catch(() => configurations.delete(key));
  }
  return found;
}

interface Pending {
  state: string;
  nonce: string;
  codeVerifier: string;
}

const RANDOM_VALUE = /^[A-Za-z0-9_-]{32,128}$/;

function formatPending(p: Pending): string {
  return `${p.state}.${p.nonce}.${p.codeVerifier}`;
}

function parsePending(value: string): Pending | null {
  const parts = value.split(".");
  if (parts.length !== 3 || !parts.every((part) => RANDOM_VALUE.test(part))) return null;
  const [state, nonce, codeVerifier] = parts as [string, string, string];
  return { state, nonce, codeVerifier };
}

/** Begin a sign-in: the provider's URL to send the browser to, and the pending cookie's value. */
export async function startOidcSignIn(redirectUrl: string): Promise<{ authorizationUrl: string; pending: string }> {
  const p = providerSettings();
  const config = await configuration(p);
  const pending: Pending = {
    state: client.randomState(),
    nonce: client.randomNonce(),
    codeVerifier: client.randomPKCECodeVerifier(),
  };
  const authorizationUrl = client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUrl,
    scope: p.scope,
    response_type: "code",
    code_challenge: await client.calculatePKCECodeChallenge(pending.codeVerifier),
    code_challenge_method: "S256",
    state: pending.state,
    nonce: pending.nonce,
  });
  return { authorizationUrl: authorizationUrl.href, pending: formatPending(pending) };
}

function stringClaim(claims: Record<string, unknown> | undefined, name: string): string | undefined {
  const value = claims?.[name];
  return typeof value === "string" && value !== "" ? value : undefined;
}

/**
 * Finish a sign-in on the callback: exchange the code (openid-client checks state, the
 * PKCE verifier, the ID token's signature, issuer, audience, expiry and nonce), read the
 * national id claim, and find the family account. Errors never carry details outward.
 */
export async function finishOidcSignIn(
  currentUrl: URL,
  pending: string,
  redirectUrl: string,
): Promise<{ token: string } | { refused: "unknown_person" | "failed" }> {
  const checks = parsePending(pending);
  if (!checks) return { refused: "failed" };
  try {
    const p = providerSettings();
    const config = await configuration(p);
    // The redirect_uri in the token request must be the registered one, even when a proxy
    // in front of us changed the scheme or host the request arrived with.
    const callbackUrl = new URL(redirectUrl);
    callbackUrl.search = currentUrl.search;
    const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: checks.codeVerifier,
      expectedState: checks.state,
      expectedNonce: checks.nonce,
      idTokenExpected: true,
    });
    const idClaims = tokens.claims();
    if (!idClaims) return { refused: "failed" };
    let nationalId = stringClaim(idClaims, p.nationalIdClaim);
    if (!nationalId) {
      const userInfo = await client.fetchUserInfo(config, tokens.access_token, idClaims.sub);
      nationalId = stringClaim(userInfo, p.nationalIdClaim);
    }
    if (!nationalId) return { refused: "unknown_person" };
    const signedIn = await signInWithNationalId(nationalId);
    if (!signedIn) return { refused: "unknown_person" };
    return { token: signedIn.token };
  } catch (error) {
    // The error's name and code only: its message or cause may quote the provider's answer.
    const code = error instanceof Error ? `${error.name}${"code" in error ? ` ${String(error.code)}` : ""}` : "unknown";
    console.warn(`[oidc] family sign-in failed: ${code}`);
    return { refused: "failed" };
  }
}

function cookieAttributes(value: string, requestUrl: string, maxAgeSeconds: number) {
  const attributes = [
    `${OIDC_PENDING_COOKIE}=${encodeURIComponent(value)}`,
    `Path=${PENDING_PATH}`,
    "HttpOnly",
    "SameSite=Lax",
    `Max-Age=${maxAgeSeconds}`,
  ];
  if (!isLocalhost(requestUrl)) attributes.push("Secure");
  return attributes.join("; ");
}

/** Set-Cookie for the pending sign-in: ten minutes, only sent to /family/oidc/*. */
export function pendingCookie(pending: string, requestUrl: string): string {
  return cookieAttributes(pending, requestUrl, PENDING_MAX_AGE_SECONDS);
}

export function clearPendingCookie(requestUrl: string): string {
  return cookieAttributes("", requestUrl, 0);
}

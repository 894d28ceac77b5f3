/**
 * Cross-site request refusal for state-changing requests. Current browsers send
 * Sec-Fetch-Site on every request: "cross-site" and "same-site" are refused. An Origin
 * header naming another host is refused whatever Sec-Fetch-Site says ("none" — a typed
 * address or a bookmark — never comes with a foreign Origin from a real browser), and so
 * is an Origin that is not a URL. "Origin: null" is refused unless fetch metadata says the
 * request is same-origin. Requests with neither header (curl, old browsers) pass: the
 * session cookie is SameSite=Lax, which already keeps it off cross-site POSTs.
 *
 * The host compared is the one Remix compares in its own check (X-Forwarded-Host, else
 * Host; see requestHost), so a request Remix would abort with an error never gets that
 * far: it is answered 403 here instead of 500 there.
 */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function isCrossSiteRequest(method: string, headers: Headers, requestOrigin: string): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return false;
  const fetchSite = headers.get("Sec-Fetch-Site");
  if (fetchSite && fetchSite !== "same-origin" && fetchSite !== "none") return true;
  const origin = headers.get("Origin");
  if (origin === null) return false;
  // Fetch metadata is authoritative over an opaque Origin: a plain HTML form post may carry
  // "Origin: null" (e.g. after a no-referrer policy) and still be same-origin.
  if (origin === "null") return fetchSite !== "same-origin";
  return hostOf(origin) === null || hostOf(origin) !== hostOf(requestOrigin);
}

/** The host (with port) the request was addressed to, the way Remix reads it. */
export function requestHost(headers: Headers): string | undefined {
  const forwarded = headers.get("X-Forwarded-Host")?.split(",")[0]?.trim();
  return forwarded || headers.get("Host") || undefined;
}

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host || null;
  } catch {
    return null;
  }
}

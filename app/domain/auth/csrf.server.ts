/**
 * Cross-site request refusal for state-changing requests. Browsers send Sec-Fetch-Site on
 * every request and Origin on every POST; a request that either marks as coming from
 * another site is refused. Requests with neither header (curl, old browsers) pass: the
 * session cookie is SameSite=Lax, which already keeps it off cross-site POSTs.
 */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function isCrossSiteRequest(method: string, headers: Headers, requestOrigin: string): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return false;
  const fetchSite = headers.get("Sec-Fetch-Site");
  if (fetchSite && fetchSite !== "same-origin" && fetchSite !== "none") return true;
  const origin = headers.get("Origin");
  if (origin && origin !== "null" && origin !== requestOrigin) return true;
  if (origin === "null") return true;
  return false;
}

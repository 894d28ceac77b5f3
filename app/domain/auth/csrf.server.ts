/**
 * Cross-site request refusal for state-changing requests. Current browsers send
 * Sec-Fetch-Site on every request; it decides. Without it, an Origin that is another site
 * (or "null") is refused. Requests with neither header (curl, old browsers) pass: the
 * session cookie is SameSite=Lax, which already keeps it off cross-site POSTs.
 */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function isCrossSiteRequest(method: string, headers: Headers, requestOrigin: string): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return false;
  // Fetch metadata, when the browser sends it, is authoritative: a plain HTML form post
  // may carry "Origin: null" (e.g. after a no-referrer policy) and still be same-origin.
  const fetchSite = headers.get("Sec-Fetch-Site");
  if (fetchSite) return fetchSite !== "same-origin" && fetchSite !== "none";
  const origin = headers.get("Origin");
  if (origin && origin !== "null" && origin !== requestOrigin) return true;
  if (origin === "null") return true;
  return false;
}

/**
 * Where to send the browser after sign-in or a language change, when the target comes from
 * input (a form field or the query string). Only a path on this site passes; anything else
 * (another host, a scheme, a protocol-relative `//host`, `/\host`, or characters browsers
 * strip or a Location header cannot carry: tab, CR, LF, other controls, spaces such as
 * U+3000, backslash) goes to `fallback`. The target is resolved with the WHATWG URL parser
 * against a placeholder origin and must stay on it; the parser's own serialisation is
 * returned, so what was checked is exactly what the browser receives. Pure: used by the
 * server and safe in the browser.
 */
const PLACEHOLDER_ORIGIN = "https://stafettlogg.invalid";

/** Longer than any page address in the app, short enough for any header. */
const MAX_LENGTH = 2048;

// C0 controls, space, DEL, every non-ASCII character (browsers send page addresses
// percent-encoded, so a raw one is never ours) and the backslash browsers read as "/".
const REFUSED = /[\u0000-\u0020\u007f-\uffff\\]/;

export function safeRedirect(to: unknown, fallback = "/"): string {
  if (typeof to !== "string" || to.length > MAX_LENGTH || !to.startsWith("/") || REFUSED.test(to)) return fallback;
  let resolved: URL;
  try {
    resolved = new URL(to, PLACEHOLDER_ORIGIN);
  } catch {
    return fallback;
  }
  if (resolved.origin !== PLACEHOLDER_ORIGIN) return fallback;
  const path = resolved.pathname + resolved.search + resolved.hash;
  // "/..//host" resolves to the path "//host", which a browser would read as another host.
  if (!path.startsWith("/") || path.startsWith("//") || new URL(path, PLACEHOLDER_ORIGIN).origin !== PLACEHOLDER_ORIGIN) {
    return fallback;
  }
  return path;
}

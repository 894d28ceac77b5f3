import { describe, expect, it } from "vitest";
import { LocaleSchema, LoginSchema } from "../../app/lib/schemas";
import { safeRedirect } from "../../app/lib/redirect";

/**
 * Issue 9 point 6: a redirect target from input stays on this site. Browsers strip tab, CR
 * and LF from a Location value and read "\" as "/", so "/\t/evil.example" would leave.
 */
describe("safeRedirect", () => {
  it.each([
    ["/admin/users?page=2", "/admin/users?page=2"],
    ["/logs/abc?tab=actions#timeline", "/logs/abc?tab=actions#timeline"],
    ["/", "/"],
    ["/søk", "/"],
    ["/s%C3%B8k?q=%09", "/s%C3%B8k?q=%09"],
  ])("keeps the same-site path %j → %j", (input, expected) => {
    expect(safeRedirect(input)).toBe(expected);
  });

  it.each([
    "/\t/evil.example",
    "/\t\t/evil.example",
    "\t//evil.example",
    "/\n/evil.example",
    "/\r\n/evil.example",
    "/a\r\nSet-Cookie: x=1",
    "/\u3000/evil.example",
    "/a\u3000b",
    "/\u00a0/evil.example",
    "/\u0000/evil.example",
    "/ /evil.example",
    "//evil.example",
    "//evil.example/x",
    "///evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "/\\/evil.example",
    "/..//evil.example",
    "/./\\evil.example",
    "https://evil.example",
    "http:evil.example",
    "HTTPS://evil.example/",
    "javascript:alert(1)",
    " javascript:alert(1)",
    "/javascript:alert(1)".replace("/", ""),
    "data:text/html,x",
    "evil.example",
    "",
    "/" + "a".repeat(3000),
  ])("sends %j home", (input) => {
    expect(safeRedirect(input)).toBe("/");
  });

  it("sends anything that is not a string home, or to the fallback given", () => {
    expect(safeRedirect(undefined)).toBe("/");
    expect(safeRedirect(null)).toBe("/");
    expect(safeRedirect(["/logs"])).toBe("/");
    expect(safeRedirect("//evil.example", "/family")).toBe("/family");
  });

  it("returns only what the WHATWG parser keeps on this origin", () => {
    for (const input of ["/a/../b", "/%2e%2e/x", "/a?b=//evil.example", "/a#//evil.example"]) {
      const out = safeRedirect(input);
      expect(out.startsWith("/") && !out.startsWith("//")).toBe(true);
      expect(new URL(out, "https://stafettlogg.test").origin).toBe("https://stafettlogg.test");
    }
  });

  it("is what the sign-in and language forms use", () => {
    expect(LoginSchema.parse({ email: "a@b.no", password: "x", redirectTo: "/\t/evil.example" }).redirectTo).toBe("/");
    expect(LocaleSchema.parse({ locale: "en", redirectTo: "/\t/evil.example" }).redirectTo).toBe("/");
    expect(LocaleSchema.parse({ locale: "en", redirectTo: "/logs/x" }).redirectTo).toBe("/logs/x");
  });
});

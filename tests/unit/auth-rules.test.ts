import { describe, expect, it } from "vitest";
import { isCrossSiteRequest, requestHost } from "../../app/domain/auth/csrf.server";
import { can, capabilities, rolesOf, type Actor } from "../../app/domain/auth/permissions";
import { isLocalhost, serializeCookie } from "../../app/domain/auth/session.server";
import { accountPolicy, nextAllowedAt } from "../../app/domain/auth/throttle.server";
import { bytesEqual, randomToken, sha256Bytes } from "../../app/domain/auth/tokens.server";

const actor = (over: Partial<Actor> = {}): Actor => ({
  id: "x",
  name: "Test",
  email: "t@test.invalid",
  isAdministrator: false,
  isCoordinator: false,
  memberships: [],
  ...over,
});
const membership = (role: "employee" | "leader") => ({
  id: "m",
  serviceId: "s",
  serviceName: "Skole",
  serviceKind: "school",
  role,
});

describe("roles and capabilities", () => {
  it("derives roles from memberships and flags", () => {
    expect(rolesOf(actor())).toEqual([]);
    expect(rolesOf(actor({ memberships: [membership("employee")] }))).toEqual(["employee"]);
    expect(rolesOf(actor({ memberships: [membership("leader")] }))).toEqual(["employee", "leader"]);
    expect(rolesOf(actor({ isCoordinator: true, isAdministrator: true }))).toEqual(["coordinator", "administrator"]);
  });

  it("only administrators manage users", () => {
    expect(can(actor({ isAdministrator: true }), "users.manage")).toBe(true);
    for (const other of [actor({ isCoordinator: true }), actor({ memberships: [membership("leader")] })]) {
      expect(can(other, "users.manage")).toBe(false);
    }
  });

  it("administrators cannot start or hold logs; no role has a blanket read capability", () => {
    expect(can(actor({ isAdministrator: true }), "logs.start")).toBe(false);
    expect(Object.keys(capabilities).some((c) => /read|logs\.view|all/.test(c))).toBe(false);
  });
});

describe("cross-site refusal", () => {
  const origin = "https://stafett.kommune.invalid";
  const h = (init: Record<string, string>) => new Headers(init);
  it("lets safe methods through", () => {
    expect(isCrossSiteRequest("GET", h({ "Sec-Fetch-Site": "cross-site" }), origin)).toBe(false);
  });
  it("refuses a POST from another site by Sec-Fetch-Site or Origin", () => {
    expect(isCrossSiteRequest("POST", h({ "Sec-Fetch-Site": "cross-site" }), origin)).toBe(true);
    expect(isCrossSiteRequest("POST", h({ "Sec-Fetch-Site": "same-site" }), origin)).toBe(true);
    expect(isCrossSiteRequest("POST", h({ Origin: "https://evil.example" }), origin)).toBe(true);
    expect(isCrossSiteRequest("POST", h({ Origin: "null" }), origin)).toBe(true);
  });
  it("trusts fetch metadata over an opaque Origin on a same-origin form post", () => {
    expect(isCrossSiteRequest("POST", h({ "Sec-Fetch-Site": "same-origin", Origin: "null" }), origin)).toBe(false);
    expect(isCrossSiteRequest("POST", h({ "Sec-Fetch-Site": "cross-site", Origin: origin }), origin)).toBe(true);
  });
  it("refuses a foreign or unreadable Origin whatever Sec-Fetch-Site says (issue 9: none + foreign Origin was a 500)", () => {
    expect(isCrossSiteRequest("POST", h({ "Sec-Fetch-Site": "none", Origin: "https://evil.example" }), origin)).toBe(true);
    expect(isCrossSiteRequest("POST", h({ "Sec-Fetch-Site": "same-origin", Origin: "https://evil.example" }), origin)).toBe(true);
    expect(isCrossSiteRequest("POST", h({ "Sec-Fetch-Site": "none", Origin: "not a url" }), origin)).toBe(true);
    expect(isCrossSiteRequest("POST", h({ "Sec-Fetch-Site": "none", Origin: "null" }), origin)).toBe(true);
    expect(isCrossSiteRequest("POST", h({ "Sec-Fetch-Site": "none" }), origin)).toBe(false);
  });
  it("compares hosts the way Remix does: X-Forwarded-Host first, then Host", () => {
    expect(requestHost(h({ Host: "intern:3000", "X-Forwarded-Host": "stafett.kommune.invalid, proxy" }))).toBe("stafett.kommune.invalid");
    expect(requestHost(h({ Host: "stafett.kommune.invalid" }))).toBe("stafett.kommune.invalid");
    // Behind a TLS proxy the scheme may differ; the host decides.
    expect(isCrossSiteRequest("POST", h({ Origin: "https://stafett.kommune.invalid" }), "http://stafett.kommune.invalid")).toBe(false);
  });
  it("accepts same-origin POSTs and POSTs without browser headers", () => {
    expect(isCrossSiteRequest("POST", h({ "Sec-Fetch-Site": "same-origin", Origin: origin }), origin)).toBe(false);
    expect(isCrossSiteRequest("POST", h({}), origin)).toBe(false);
  });
});

describe("session cookie", () => {
  it("is HttpOnly and SameSite=Lax, Secure outside localhost", () => {
    const remote = serializeCookie("s", "v", "https://stafett.kommune.invalid/login");
    expect(remote).toContain("HttpOnly");
    expect(remote).toContain("SameSite=Lax");
    expect(remote).toContain("Secure");
    expect(serializeCookie("s", "v", "http://localhost:3000/login")).not.toContain("Secure");
    expect(isLocalhost("http://127.0.0.1:3000/")).toBe(true);
    expect(isLocalhost("http://stafett.kommune.invalid/")).toBe(false);
  });
});

describe("tokens", () => {
  it("are 160-bit base32 strings, different each time", () => {
    const a = randomToken();
    expect(a).toMatch(/^[a-z2-7]{32}$/);
    expect(randomToken()).not.toBe(a);
  });
  it("compare hashes in constant time and exactly", () => {
    expect(bytesEqual(sha256Bytes("a"), sha256Bytes("a"))).toBe(true);
    expect(bytesEqual(sha256Bytes("a"), sha256Bytes("b"))).toBe(false);
    expect(bytesEqual(sha256Bytes("a"), new Uint8Array(3))).toBe(false);
  });
});

describe("throttle schedule", () => {
  const at = (failures: number, last: number, lockedUntil: number | null = null) => ({
    key: "k",
    failures,
    firstFailureAt: new Date(0),
    lastFailureAt: new Date(last),
    lockedUntil: lockedUntil === null ? null : new Date(lockedUntil),
  });
  it("lets the first failures through, then waits 1 s, 2 s, 4 s …", () => {
    const t = 1_000_000;
    expect(nextAllowedAt(at(2, t), accountPolicy, t)).toBe(0);
    expect(nextAllowedAt(at(3, t), accountPolicy, t)).toBe(t + 1000);
    expect(nextAllowedAt(at(5, t), accountPolicy, t)).toBe(t + 4000);
    expect(nextAllowedAt(at(9, t), accountPolicy, t)).toBe(t + accountPolicy.maxDelayMs);
  });
  it("honours a lock and forgets old failures", () => {
    const t = 1_000_000;
    expect(nextAllowedAt(at(10, t, t + accountPolicy.lockMs), accountPolicy, t + 1)).toBe(t + accountPolicy.lockMs);
    expect(nextAllowedAt(at(5, t), accountPolicy, t + accountPolicy.windowMs + 1)).toBe(0);
  });
});

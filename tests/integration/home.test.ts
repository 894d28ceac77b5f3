import { beforeEach, describe, expect, it } from "vitest";
import * as home from "../../app/routes/_index";
import * as language from "../../app/routes/language";
import * as root from "../../app/root";
import { makeCast, makeService, makeUser, sessionFor } from "../support/factories";
import { callAction, callLoader } from "../support/requests";

type Home = Awaited<ReturnType<typeof home.loader>>;
let cast: Awaited<ReturnType<typeof makeCast>>;

beforeEach(async () => {
  cast = await makeCast();
});

async function homeOf(userId: string) {
  const { cookie } = await sessionFor(userId);
  const o = await callLoader<Home>(home.loader, "/", { cookie });
  expect(o.status).toBe(200);
  return o.data;
}

describe("home page per role", () => {
  it("an employee sees their service and the (empty) logs section, nothing of other roles", async () => {
    const data = await homeOf(cast.employee.id);
    expect(data.roles).toEqual(["employee"]);
    expect(data.canStartLogs).toBe(true);
    expect(data.led).toEqual([]);
    expect(data.coordinator).toBeNull();
    expect(data.admin).toBeNull();
  });

  it("a leader sees the staff of the service they lead, and only that service", async () => {
    const elsewhere = await makeService();
    await makeUser({ name: "Annen Skoles Ansatt", memberships: [{ serviceId: elsewhere.id, role: "employee" }] });
    const data = await homeOf(cast.leader.id);
    expect(data.roles).toEqual(["employee", "leader"]);
    expect(data.led).toHaveLength(1);
    const names = data.led[0]!.members.map((m) => m.userId);
    expect(names).toContain(cast.employee.id);
    expect(names).toContain(cast.leader.id);
    expect(JSON.stringify(data)).not.toContain("Annen Skoles Ansatt");
  });

  it("the coordinator sees the catalogue count and no logs section", async () => {
    const data = await homeOf(cast.coordinator.id);
    expect(data.roles).toEqual(["coordinator"]);
    expect(data.canStartLogs).toBe(false);
    expect(data.coordinator!.activeServices).toBeGreaterThanOrEqual(1);
  });

  it("the administrator sees counts and cannot start logs", async () => {
    const data = await homeOf(cast.administrator.id);
    expect(data.roles).toEqual(["administrator"]);
    expect(data.canStartLogs).toBe(false);
    expect(data.admin!.activeUsers).toBeGreaterThanOrEqual(4);
  });

  it("a person with no role gets an honest empty home", async () => {
    const nobody = await makeUser();
    const data = await homeOf(nobody.id);
    expect(data.roles).toEqual([]);
    expect(data.memberships).toEqual([]);
  });

  it("memberships in a deactivated service no longer count", async () => {
    const closed = await makeService({ active: false });
    const person = await makeUser({ memberships: [{ serviceId: closed.id, role: "leader" }] });
    const data = await homeOf(person.id);
    expect(data.roles).toEqual([]);
  });
});

describe("language", () => {
  it("defaults to bokmål and remembers English for a year", async () => {
    expect((await callLoader<{ locale: string }>(root.loader, "/")).data.locale).toBe("nb");
    const o = await callAction(language.action, "/language", { form: { locale: "en", redirectTo: "/admin/users?page=2" } });
    expect(o.status).toBe(302);
    expect(o.location).toBe("/admin/users?page=2");
    const cookie = o.headers.get("Set-Cookie")!;
    expect(cookie).toMatch(/^stafettlogg_lang=en;/);
    expect(cookie).toContain(`Max-Age=${365 * 24 * 3600}`);
    const after = await callLoader<{ locale: string }>(root.loader, "/", { cookie: cookie.split(";")[0] });
    expect(after.data.locale).toBe("en");
  });

  it("ignores unknown languages and off-site redirects", async () => {
    const bad = await callAction(language.action, "/language", { form: { locale: "sv", redirectTo: "/" } });
    expect(bad.headers.get("Set-Cookie")).toBeNull();
    const offsite = await callAction(language.action, "/language", { form: { locale: "nb", redirectTo: "https://evil.example" } });
    expect(offsite.location).toBe("/");
  });
});

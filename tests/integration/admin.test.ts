import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { database } from "../../db/client.server";
import { memberships, services, sessions, users } from "../../db/schema";
import * as home from "../../app/routes/_index";
import * as admin from "../../app/routes/admin";
import * as adminIndex from "../../app/routes/admin._index";
import * as servicePage from "../../app/routes/admin.services.$serviceId";
import * as servicesList from "../../app/routes/admin.services._index";
import * as newService from "../../app/routes/admin.services.new";
import * as userPage from "../../app/routes/admin.users.$userId";
import * as usersList from "../../app/routes/admin.users._index";
import * as newUser from "../../app/routes/admin.users.new";
import { makeCast, makeService, makeUser, sessionFor } from "../support/factories";
import { callAction, callLoader } from "../support/requests";

let cast: Awaited<ReturnType<typeof makeCast>>;
const cookies: Record<string, string> = {};

beforeEach(async () => {
  cast = await makeCast();
  for (const role of ["employee", "leader", "coordinator", "administrator"] as const) {
    cookies[role] = (await sessionFor(cast[role].id)).cookie;
  }
});

describe("administrator pages are refused to every other role", () => {
  const userOnly = [
    { name: "users list", loader: usersList.loader, path: "/admin/users", params: {} },
    { name: "new user", loader: newUser.loader, path: "/admin/users/new", params: {} },
  ];

  it.each(["employee", "leader"] as const)("%s gets 403 on the admin layout and every admin page", async (role) => {
    expect((await callLoader(admin.loader, "/admin", { cookie: cookies[role] })).status).toBe(403);
    for (const page of userOnly) {
      expect((await callLoader(page.loader, page.path, { cookie: cookies[role] })).status, page.name).toBe(403);
    }
    expect((await callLoader(servicesList.loader, "/admin/services", { cookie: cookies[role] })).status).toBe(403);
    expect((await callLoader(newService.loader, "/admin/services/new", { cookie: cookies[role] })).status).toBe(403);
    const userDetail = await callLoader(userPage.loader, `/admin/users/${cast.employee.id}`, {
      cookie: cookies[role],
      params: { userId: cast.employee.id },
    });
    expect(userDetail.status).toBe(403);
  });

  it.each(["employee", "leader", "coordinator"] as const)("%s cannot create, change or deactivate users", async (role) => {
    const cookie = cookies[role];
    const create = await callAction(newUser.action, "/admin/users/new", {
      cookie,
      form: { name: "Inntrenger", email: "inntrenger@test.invalid" },
    });
    expect(create.status).toBe(403);
    for (const intent of ["deactivate", "reissue"]) {
      const o = await callAction(userPage.action, `/admin/users/${cast.employee.id}`, {
        cookie,
        params: { userId: cast.employee.id },
        form: { intent },
      });
      expect(o.status, intent).toBe(403);
    }
    const update = await callAction(userPage.action, `/admin/users/${cast.employee.id}`, {
      cookie,
      params: { userId: cast.employee.id },
      form: { intent: "details", name: "Endret", email: "endret@test.invalid", isAdministrator: "on" },
    });
    expect(update.status).toBe(403);
    const { db } = await database();
    const row = await db.select().from(users).where(eq(users.id, cast.employee.id)).get();
    expect(row).toMatchObject({ active: true, isAdministrator: false });
    expect(await db.select().from(users).where(eq(users.email, "inntrenger@test.invalid")).get()).toBeUndefined();
  });

  it("the coordinator may manage the service catalogue but not users", async () => {
    const cookie = cookies.coordinator;
    expect((await callLoader(admin.loader, "/admin", { cookie })).status).toBe(200);
    expect((await callLoader(adminIndex.loader, "/admin", { cookie })).location).toBe("/admin/services");
    expect((await callLoader(servicesList.loader, "/admin/services", { cookie })).status).toBe(200);
    expect((await callLoader(usersList.loader, "/admin/users", { cookie })).status).toBe(403);
  });

  it("without a session every admin page sends to sign-in", async () => {
    const o = await callLoader(usersList.loader, "/admin/users");
    expect(o.status).toBe(302);
    expect(o.location).toBe("/login?redirectTo=%2Fadmin%2Fusers");
  });
});

describe("services", () => {
  it("the administrator creates, edits, deactivates and reactivates a service", async () => {
    const cookie = cookies.administrator;
    const created = await callAction(newService.action, "/admin/services/new", {
      cookie,
      form: { name: "Lykkeli barnehage", kind: "kindergarten" },
    });
    expect(created.status).toBe(302);
    const id = created.location!.match(/\/admin\/services\/([a-z2-7]+)\?notice=created/)![1]!;

    const edited = await callAction(servicePage.action, `/admin/services/${id}`, {
      cookie,
      params: { serviceId: id },
      form: { intent: "save", name: "Lykkeli barnehage avd. Nord", kind: "kindergarten" },
    });
    expect(edited.location).toBe(`/admin/services/${id}?notice=saved`);

    await callAction(servicePage.action, `/admin/services/${id}`, { cookie, params: { serviceId: id }, form: { intent: "deactivate" } });
    const { db } = await database();
    let row = await db.select().from(services).where(eq(services.id, id)).get();
    expect(row).toMatchObject({ name: "Lykkeli barnehage avd. Nord", active: false });
    expect(row!.deactivatedAt).toBeInstanceOf(Date);

    await callAction(servicePage.action, `/admin/services/${id}`, { cookie, params: { serviceId: id }, form: { intent: "reactivate" } });
    row = await db.select().from(services).where(eq(services.id, id)).get();
    expect(row).toMatchObject({ active: true, deactivatedAt: null });
  });

  it("bad input answers next to the field, keeps what was typed and writes nothing", async () => {
    const cookie = cookies.administrator;
    const { db } = await database();
    const before = (await db.select().from(services)).length;
    const empty = await callAction<{ error: Record<string, string[]>; initialValue: Record<string, string> }>(
      newService.action,
      "/admin/services/new",
      { cookie, form: { name: "   ", kind: "spaceship" } },
    );
    expect(empty.status).toBe(400);
    expect(empty.data.error).toMatchObject({ name: ["validation.required"], kind: ["validation.invalidChoice"] });
    expect(empty.data.initialValue).toMatchObject({ kind: "spaceship" });

    await makeService({ name: "Bakkebo skole" });
    const duplicate = await callAction<{ error: Record<string, string[]>; initialValue: Record<string, string> }>(
      newService.action,
      "/admin/services/new",
      { cookie, form: { name: "BAKKEBO SKOLE", kind: "school" } },
    );
    expect(duplicate.status).toBe(400);
    expect(duplicate.data.error).toEqual({ name: ["errors.service_name_taken"] });
    expect(duplicate.data.initialValue).toMatchObject({ name: "BAKKEBO SKOLE", kind: "school" });
    expect((await db.select().from(services)).length).toBe(before + 1); // only the factory's
  });

  it("an unknown service id answers 404", async () => {
    const o = await callLoader(servicePage.loader, "/admin/services/x", {
      cookie: cookies.administrator,
      params: { serviceId: "aaaaaaaaaaaaaaaaaaaaaaaaaa" },
    });
    expect(o.status).toBe(404);
  });
});

describe("users and memberships", () => {
  it("creating a user with a taken e-mail answers next to the field and writes nothing", async () => {
    const o = await callAction<{ result: { error: Record<string, string[]> }; created: null }>(newUser.action, "/admin/users/new", {
      cookie: cookies.administrator,
      form: { name: "Dobbel", email: cast.employee.email.toUpperCase() },
    });
    expect(o.status).toBe(400);
    expect(o.data.result.error).toEqual({ email: ["errors.email_taken"] });
    expect(o.data.created).toBeNull();
  });

  it("keeps membership history when a role changes or a membership ends", async () => {
    const cookie = cookies.administrator;
    const school = await makeService();
    const health = await makeService({ kind: "health_clinic" });
    const person = await makeUser({ memberships: [{ serviceId: school.id, role: "employee" }] });
    const form = (f: Record<string, string>) => ({ cookie, params: { userId: person.id }, form: f });
    const path = `/admin/users/${person.id}`;

    expect((await callAction(userPage.action, path, form({ intent: "addMembership", serviceId: health.id, role: "employee" }))).location).toContain("membershipAdded");
    const dup = await callAction<{ result: { error: Record<string, string[]> } }>(
      userPage.action,
      path,
      form({ intent: "addMembership", serviceId: health.id, role: "leader" }),
    );
    expect(dup.data.result.error).toEqual({ serviceId: ["errors.membership_exists"] });

    const { db } = await database();
    const current = await db
      .select()
      .from(memberships)
      .where(and(eq(memberships.userId, person.id), eq(memberships.serviceId, school.id)))
      .get();
    await callAction(userPage.action, path, form({ intent: "changeRole", membershipId: current!.id, role: "leader" }));
    const healthRow = await db
      .select()
      .from(memberships)
      .where(and(eq(memberships.userId, person.id), eq(memberships.serviceId, health.id)))
      .get();
    await callAction(userPage.action, path, form({ intent: "endMembership", membershipId: healthRow!.id }));

    const page = await callLoader<{
      memberships: { serviceId: string; role: string }[];
      pastMemberships: { serviceId: string; role: string }[];
    }>(userPage.loader, path, { cookie, params: { userId: person.id } });
    expect(page.data.memberships.map((m) => [m.serviceId, m.role])).toEqual([[school.id, "leader"]]);
    expect(page.data.pastMemberships.map((m) => [m.serviceId, m.role]).sort()).toEqual(
      [
        [school.id, "employee"],
        [health.id, "employee"],
      ].sort(),
    );
  });

  it("deactivation keeps the person and ends their sessions at once", async () => {
    const school = await makeService();
    const person = await makeUser({ memberships: [{ serviceId: school.id, role: "employee" }] });
    const { cookie } = await sessionFor(person.id);
    expect((await callLoader(home.loader, "/", { cookie })).status).toBe(200);

    const o = await callAction(userPage.action, `/admin/users/${person.id}`, {
      cookie: cookies.administrator,
      params: { userId: person.id },
      form: { intent: "deactivate" },
    });
    expect(o.location).toBe(`/admin/users/${person.id}?notice=deactivated`);
    const { db } = await database();
    // Ended at once, not only on the next request.
    expect(await db.select().from(sessions).where(eq(sessions.userId, person.id))).toEqual([]);
    const after = await callLoader(home.loader, "/", { cookie });
    expect(after.status).toBe(302);
    expect(after.location).toBe("/login");
    expect(await db.select().from(users).where(eq(users.id, person.id)).get()).toMatchObject({ active: false });
    expect(await db.select().from(memberships).where(eq(memberships.userId, person.id))).toHaveLength(1);
  });

  it("an administrator cannot deactivate themself or drop their own admin role", async () => {
    const me = cast.administrator.id;
    const self = await callAction<{ error: string }>(userPage.action, `/admin/users/${me}`, {
      cookie: cookies.administrator,
      params: { userId: me },
      form: { intent: "deactivate" },
    });
    expect(self.status).toBe(400);
    expect(self.data.error).toBe("errors.cannot_deactivate_self");
    const drop = await callAction<{ result: { error: Record<string, string[]> } }>(userPage.action, `/admin/users/${me}`, {
      cookie: cookies.administrator,
      params: { userId: me },
      form: { intent: "details", name: "Meg", email: cast.administrator.email },
    });
    expect(drop.data.result.error).toEqual({ isAdministrator: ["errors.cannot_remove_own_admin"] });
  });

  it("searches and paginates the user list", async () => {
    for (let i = 0; i < 30; i++) await makeUser({ name: `Paginert Person ${String(i).padStart(2, "0")}` });
    const first = await callLoader<{ users: { name: string }[]; total: number; pages: number; page: number }>(
      usersList.loader,
      "/admin/users?q=Paginert",
      { cookie: cookies.administrator },
    );
    expect(first.data.total).toBe(30);
    expect(first.data.users).toHaveLength(25);
    expect(first.data.pages).toBe(2);
    const second = await callLoader<{ users: { name: string }[]; page: number }>(
      usersList.loader,
      "/admin/users?q=Paginert&page=2",
      { cookie: cookies.administrator },
    );
    expect(second.data.page).toBe(2);
    expect(second.data.users.map((u) => u.name)).toEqual([25, 26, 27, 28, 29].map((i) => `Paginert Person ${i}`));
    const wildcard = await callLoader<{ total: number }>(usersList.loader, "/admin/users?q=%25", {
      cookie: cookies.administrator,
    });
    expect(wildcard.data.total).toBe(0);
  });
});

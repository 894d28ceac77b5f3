import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as home from "../../app/routes/_index";
import * as root from "../../app/root";
import { database, observeQueries } from "../../db/client.server";
import { forgetRequestMemo, memoized, withRequestMemo } from "../../db/request-memo.server";
import { users } from "../../db/schema";
import { makeService, makeUser, sessionFor } from "../support/factories";
import { callLoader } from "../support/requests";

/** Statements that read the sessions table, while `fn` runs. */
async function sessionReads(fn: () => Promise<unknown>) {
  let reads = 0;
  const stop = observeQueries((sql) => {
    if (/^select .* from "sessions"/i.test(sql)) reads++;
  });
  try {
    await fn();
  } finally {
    stop();
  }
  return reads;
}

describe("what one request reads twice is read once (db/request-memo.server.ts)", () => {
  it("the root's loader and the page's find the signed-in person with one session read", async () => {
    const service = await makeService();
    const { id: userId } = await makeUser({ memberships: [{ serviceId: service.id, role: "employee" }] });
    const { cookie } = await sessionFor(userId);
    const both = () => Promise.all([callLoader(root.loader, "/", { cookie }), callLoader(home.loader, "/", { cookie })]);
    expect(await sessionReads(both)).toBe(2);
    expect(await sessionReads(() => withRequestMemo(both))).toBe(1);
  });

  it("a write transaction in the request forgets what was read, so a loader after an action reads afresh", async () => {
    const service = await makeService();
    const { id: userId } = await makeUser({ name: "Før Endring", memberships: [{ serviceId: service.id, role: "employee" }] });
    const { db, transaction } = await database();
    const nameOf = () => memoized(`name:${userId}`, async () => (await db.select().from(users).where(eq(users.id, userId)).get())!.name);
    await withRequestMemo(async () => {
      expect(await nameOf()).toBe("Før Endring");
      await transaction((tx) => tx.update(users).set({ name: "Etter Endring" }).where(eq(users.id, userId)));
      expect(await nameOf()).toBe("Etter Endring");
    });
  });

  it("outside a request nothing is kept, and a failed read is not kept either", async () => {
    let calls = 0;
    const read = () => memoized("k", async () => ++calls);
    expect([await read(), await read()]).toEqual([1, 2]);
    await withRequestMemo(async () => {
      await expect(memoized("bad", async () => Promise.reject(new Error("no")))).rejects.toThrow("no");
      expect(await memoized("bad", async () => "second try")).toBe("second try");
      forgetRequestMemo();
    });
  });
});

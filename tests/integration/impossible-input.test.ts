import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { database } from "../../db/client.server";
import { logEvents } from "../../db/schema";
import * as entry from "../../app/routes/logs.$logId.entry";
import * as level from "../../app/routes/logs.$logId.level";
import { sessionFor } from "../support/factories";
import { makeRelayLog, makeSchoolCast, today } from "../support/log-factories";
import { callAction } from "../support/requests";

/**
 * Issue 9 points 9 and 10: input that cannot be true is refused next to its field, with
 * nothing written — invisible text and impossible dates. Real requests to the route modules.
 */
type Reply = { error?: Record<string, string[]>; initialValue?: Record<string, unknown> };
let cast: Awaited<ReturnType<typeof makeSchoolCast>>;
let teacher = "";

beforeAll(async () => {
  cast = await makeSchoolCast();
  teacher = (await sessionFor(cast.ids.teacher)).cookie;
});

const post = (mod: { action?: unknown }, path: string, params: Record<string, string>, form: Record<string, string>) =>
  callAction<Reply>(mod.action as never, path, { cookie: teacher, params, form });

async function eventsOf(logId: string, type: string) {
  const { db } = await database();
  return db
    .select()
    .from(logEvents)
    .where(and(eq(logEvents.logId, logId), eq(logEvents.type, type as never)));
}

describe("invisible text is not text", () => {
  it("refuses a mandatory justification of only NUL or zero-width characters, and writes nothing", async () => {
    const { logId } = await makeRelayLog(cast.actors.teacher, cast.school.id);
    for (const justification of ["\u0000", "\u200B", "\u200B\uFEFF\u2060 \u0000"]) {
      const o = await post(level, `/logs/${logId}/level`, { logId }, { to: "0", justification });
      expect(o.status, JSON.stringify(justification)).toBe(400);
      expect(o.data.error).toEqual({ justification: ["validation.required"] });
    }
    expect(await eventsOf(logId, "level_change")).toHaveLength(0);
  });

  it("stores text without the invisible characters in it, line breaks kept", async () => {
    const { logId } = await makeRelayLog(cast.actors.teacher, cast.school.id);
    const o = await post(entry, `/logs/${logId}/entry`, { logId }, {
      type: "observation",
      occurredOn: today(),
      text: "\u200BSa\u0000 hei\u2060 til alle.\r\nGikk\u202E ut.\u0007",
    });
    expect(o.status).toBe(302);
    const [event] = await eventsOf(logId, "observation");
    expect((event!.data as { text: string }).text).toBe("Sa hei til alle.\r\nGikk ut.");
  });
});

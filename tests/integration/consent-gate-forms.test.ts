import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { database } from "../../db/client.server";
import { children, guardians, logs } from "../../db/schema";
import { covers, gateContext, isCovered, passesGate } from "../../app/domain/access/consent-gate.server";
import { consentState, recordConsent, withdrawConsent } from "../../app/domain/consent/consents.server";
import { addGuardian } from "../../app/domain/logs/lifecycle.server";
import { addDays, todayInOslo } from "../../app/lib/dates";
import { makeService } from "../support/factories";
import { makeRelayLog, makeSchoolCast, today } from "../support/log-factories";

/**
 * The consent gate has two forms (app/domain/access/consent-gate.server.ts): SQL for
 * queries and JavaScript over consents as `consentState` loads them. Over logs with every
 * kind of consent — complete, partial, refused, expired, withdrawn, limited to categories,
 * the young person's own below and above the consent age — both must answer alike for
 * every service and category.
 */
let cast: Awaited<ReturnType<typeof makeSchoolCast>>;
let services: string[];
const categories = [undefined, "health", "school"] as const;

beforeEach(async () => {
  cast = await makeSchoolCast();
  services = [cast.school.id, cast.health.id, cast.otherSchool.id];
  for (const kind of ["ppt", "child_welfare", "bup"] as const) services.push((await makeService({ kind })).id);
});

const teacher = () => cast.actors.teacher;

async function guardianIds(logId: string) {
  const { db } = await database();
  const log = (await db.select().from(logs).where(eq(logs.id, logId)).get())!;
  return (await db.select().from(guardians).where(eq(guardians.childId, log.childId))).map((g) => g.id);
}

const base = { form: "written" as const, purpose: "Samarbeid", youngPerson: false, givenOn: today() };

/** Every service × category: the SQL form and the JavaScript form, side by side. */
async function bothForms(logId: string) {
  const { db } = await database();
  const log = (await db.select().from(logs).where(eq(logs.id, logId)).get())!;
  const ctx = await gateContext(db);
  const state = await consentState(db, log);
  const sqlForm: string[] = [];
  const jsForm: string[] = [];
  for (const s of services) {
    for (const c of categories) {
      if (await isCovered(db, logId, s, ctx, c)) sqlForm.push(`${s}/${c}`);
      if (covers(state, s, c)) jsForm.push(`${s}/${c}`);
    }
  }
  return { sqlForm, jsForm };
}

describe("the consent gate's SQL and JavaScript forms", () => {
  it("agree over complete, partial, refused, expired, withdrawn and category-limited consents", async () => {
    const { logId } = await makeRelayLog(teacher(), cast.school.id, "Gate Formsen");
    const [first] = await guardianIds(logId);
    // A complete consent for health; a refusal for the other school; one limited to "health" for PPT.
    await recordConsent(teacher(), logId, { ...base, scope: "share", decision: "given", guardianIds: [first!], serviceIds: [services[1]!] });
    await recordConsent(teacher(), logId, { ...base, scope: "share", decision: "refused", guardianIds: [first!], serviceIds: [services[2]!] });
    await recordConsent(teacher(), logId, {
      ...base,
      scope: "share",
      decision: "given",
      guardianIds: [first!],
      serviceIds: [services[3]!],
      categories: ["health"],
    });
    // Expired: given two years ago, ended a year ago.
    await recordConsent(teacher(), logId, {
      ...base,
      scope: "share",
      decision: "given",
      guardianIds: [first!],
      serviceIds: [services[4]!],
      givenOn: addDays(todayInOslo(), -730),
      expiresOn: addDays(todayInOslo(), -365),
    });
    // Withdrawn: given, then withdrawn.
    const { consentId } = await recordConsent(teacher(), logId, {
      ...base,
      scope: "share",
      decision: "given",
      guardianIds: [first!],
      serviceIds: [services[5]!],
    });
    await withdrawConsent(teacher(), logId, consentId, { reason: "Ombestemt seg" });

    const one = await bothForms(logId);
    expect(one.sqlForm).toEqual(one.jsForm);
    // What the forms say, so an empty answer on both sides cannot pass.
    expect(one.sqlForm).toEqual([`${services[1]}/undefined`, `${services[1]}/health`, `${services[1]}/school`, `${services[3]}/undefined`, `${services[3]}/health`]);

    // A second guardian with parental responsibility: every consent of one guardian becomes partial.
    await addGuardian(teacher(), logId, { name: "Far Formsen", relation: "father", parentalResponsibility: true });
    const partial = await bothForms(logId);
    expect(partial.sqlForm).toEqual(partial.jsForm);
    expect(partial.sqlForm).toEqual([]);
  });

  it("agree on the young person's own consent below and above the consent age", async () => {
    const { logId } = await makeRelayLog(teacher(), cast.school.id, "Ung Formsen");
    const { db } = await database();
    const log = (await db.select().from(logs).where(eq(logs.id, logId)).get())!;
    const ctx = await gateContext(db);
    await db.update(children).set({ birthDate: ctx.consentAgeBornBy }).where(eq(children.id, log.childId));
    await recordConsent(teacher(), logId, { ...base, scope: "share", decision: "given", guardianIds: [], youngPerson: true, serviceIds: [services[1]!] });
    const grown = await bothForms(logId);
    expect(grown.sqlForm).toEqual(grown.jsForm);
    expect(grown.sqlForm).toContain(`${services[1]}/undefined`);
    // One day younger than the consent age: the young person's consent no longer counts.
    await db.update(children).set({ birthDate: addDays(ctx.consentAgeBornBy, 1) }).where(eq(children.id, log.childId));
    const young = await bothForms(logId);
    expect(young.sqlForm).toEqual(young.jsForm);
    expect(young.sqlForm).toEqual([]);
  });

  it("lets the holder's own service pass without a sharing consent, and no other", async () => {
    const { logId } = await makeRelayLog(teacher(), cast.school.id, "Egen Tjenestesen");
    const { db } = await database();
    const log = (await db.select().from(logs).where(eq(logs.id, logId)).get())!;
    expect(await passesGate(db, log, cast.school.id)).toBe(true);
    expect(await isCovered(db, logId, cast.school.id)).toBe(false);
    expect(await passesGate(db, log, cast.health.id)).toBe(false);
  });
});

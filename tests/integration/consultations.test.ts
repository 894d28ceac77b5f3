import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { database } from "../../db/client.server";
import { consultations } from "../../db/schema";
import type { Actor } from "../../app/domain/auth/permissions";
import {
  consultationsForLog,
  getConsultation,
  listConsultations,
  recordConsultation,
} from "../../app/domain/consultations/consultations.server";
import { closeLog } from "../../app/domain/logs/lifecycle.server";
import { viewLog } from "../../app/domain/logs/log-page.server";
import { containsElevenDigitNumber, type ConsultationInput } from "../../app/lib/consultation-schemas";
import { syntheticNationalId } from "../../app/lib/national-id";
import * as detail from "../../app/routes/consultations.$consultationId";
import * as list from "../../app/routes/consultations._index";
import * as form from "../../app/routes/consultations.new";
import * as logPage from "../../app/routes/logs.$logId._index";
import { makeService, makeUser, sessionFor } from "../support/factories";
import {
  actorOf,
  addParticipant,
  daysAgo,
  giveConsent,
  inDays,
  makeConcern,
  makeRelayLog,
  makeSchoolCast,
} from "../support/log-factories";
import { callAction, callLoader } from "../support/requests";

/** The consultations linked to a log, as the log page reads them (with the opened log). */
async function linkedConsultations(actor: Actor, logId: string) {
  const page = await viewLog(actor, logId, { locale: "nb" }, async (access) => ({
    consultations: await consultationsForLog(access, "nb"),
  }));
  return page.consultations;
}

/**
 * Anonymous consultations (DESIGN.md rule 4): nothing that identifies the child is stored,
 * an 11-digit number is refused, the author and the leader of the author's service see
 * the consultation and nobody else does, and the link to a log is only for its readers.
 */
type Reply = { error?: Record<string, string[]>; initialValue?: Record<string, unknown> };
type Cast = Awaited<ReturnType<typeof makeSchoolCast>>;

let cast: Cast;
let welfareService = "";
let pptService = "";
let otherTeacher: Actor;
const cookies: Record<string, string> = {};

beforeEach(async () => {
  cast = await makeSchoolCast();
  welfareService = (await makeService({ kind: "child_welfare" })).id;
  pptService = (await makeService({ kind: "ppt" })).id;
  otherTeacher = await actorOf((await makeUser({ memberships: [{ serviceId: cast.otherSchool.id, role: "employee" }] })).id);
  for (const [who, id] of Object.entries({ ...cast.ids, otherTeacher: otherTeacher.id })) {
    cookies[who] = (await sessionFor(id)).cookie;
  }
});

const QUESTION = "En elev i barneskolealder virker redd for å gå hjem etter skolen. Hva bør vi se etter?";
const ADVICE = "Snakk med eleven i trygge rammer, skriv ned det du ser, og ta kontakt igjen om uroen fortsetter.";

const input = (overrides: Partial<ConsultationInput> = {}): ConsultationInput => ({
  serviceId: cast.school.id,
  consultedKind: "child_welfare",
  heldOn: daysAgo(1),
  question: QUESTION,
  advice: ADVICE,
  ...overrides,
});

/** A form post as the browser sends it (every field a string, empty when not chosen). */
const formOf = (overrides: Record<string, string> = {}) => ({
  serviceId: cast.school.id,
  consultedKind: "child_welfare",
  consultedServiceId: "",
  heldOn: daysAgo(1),
  question: QUESTION,
  advice: ADVICE,
  logId: "",
  ...overrides,
});

async function rowCount() {
  const { db } = await database();
  return (await db.select({ id: consultations.id }).from(consultations)).length;
}

async function refusal(fn: () => Promise<unknown>) {
  try {
    await fn();
  } catch (error) {
    const e = error as { status: number; code: string; details: { field?: string } };
    return { status: e.status, code: e.code, field: e.details.field };
  }
  throw new Error("expected a refusal");
}

describe("recording", () => {
  it("stores nothing that identifies the child: exactly these columns, no name, birth date or national id", async () => {
    const { db, sqlite } = await database();
    const columns = (sqlite.pragma("table_info(consultations)") as { name: string }[]).map((r) => String(r.name)).sort();
    expect(columns).toEqual(
      [
        "advice",
        "author_id",
        "author_service_id",
        "consulted_kind",
        "consulted_service_id",
        "created_at",
        "held_on",
        "id",
        "log_id",
        "question",
      ].sort(),
    );
    const { consultationId } = await recordConsultation(
      cast.actors.teacher,
      input({ consultedServiceId: welfareService, question: `  ${QUESTION}  ` }),
    );
    const row = await db.select().from(consultations).where(eq(consultations.id, consultationId)).get();
    expect(row).toEqual({
      id: consultationId,
      authorId: cast.ids.teacher,
      authorServiceId: cast.school.id,
      consultedKind: "child_welfare",
      consultedServiceId: welfareService,
      heldOn: daysAgo(1),
      question: `  ${QUESTION}  `,
      advice: ADVICE,
      logId: null,
      createdAt: expect.any(Date),
    });
  });

  it("refuses text with an 11-digit number (a national id), in either field, with a field error, and writes nothing", async () => {
    const before = await rowCount();
    const id = syntheticNationalId("2016-05-14");
    expect(await refusal(() => recordConsultation(cast.actors.teacher, input({ question: `Gjelder ${id}, hva gjør vi?` })))).toEqual({
      status: 400,
      code: "national_id_in_text",
      field: "question",
    });
    // Any 11 digits count, valid check digits or not, also written as 6 + 5.
    expect(
      await refusal(() => recordConsultation(cast.actors.teacher, input({ advice: "Ring om 140516 12345 igjen." }))),
    ).toEqual({ status: 400, code: "national_id_in_text", field: "advice" });
    expect(await rowCount()).toBe(before);
    // Phone numbers, dates and longer numbers are not national ids.
    expect(containsElevenDigitNumber("Ring 22 33 44 55 eller 912 34 567, møte 14.05.2026 kl. 10")).toBe(false);
    expect(containsElevenDigitNumber("Saksnummer 123456789012")).toBe(false);
    expect(containsElevenDigitNumber("x01020312345y")).toBe(true);
  });

  it("checks the author's service, the date, the consulted service's kind and the bounds", async () => {
    const teacher = cast.actors.teacher;
    expect(await refusal(() => recordConsultation(teacher, input({ serviceId: cast.health.id })))).toMatchObject({
      code: "service_unknown",
      field: "serviceId",
    });
    expect(await refusal(() => recordConsultation(teacher, input({ heldOn: inDays(1) })))).toMatchObject({
      code: "date_in_future",
      field: "heldOn",
    });
    expect(
      await refusal(() => recordConsultation(teacher, input({ consultedKind: "ppt", consultedServiceId: welfareService }))),
    ).toMatchObject({ code: "consulted_service_mismatch", field: "consultedServiceId" });
    expect(await refusal(() => recordConsultation(teacher, input({ advice: "x".repeat(5001) })))).toMatchObject({
      code: "consultation_text_too_long",
      field: "advice",
    });
    expect(await refusal(() => recordConsultation(cast.actors.administrator, input()))).toMatchObject({ status: 403 });
  });
});

describe("the form", () => {
  it("saves and goes to the consultation", async () => {
    const o = await callAction(form.action, "/consultations/new", {
      cookie: cookies.teacher,
      form: formOf({ consultedKind: "ppt", consultedServiceId: pptService }),
    });
    expect(o.status).toBe(302);
    const id = o.location!.match(/^\/consultations\/([a-z2-7]{26})\?notice=saved$/)![1]!;
    const page = await callLoader<{ consultedKindName: string; consultedServiceName: string; question: string }>(
      detail.loader,
      `/consultations/${id}`,
      { cookie: cookies.teacher, params: { consultationId: id } },
    );
    expect(page.status).toBe(200);
    expect(page.data).toMatchObject({ consultedKindName: "PPT", question: QUESTION });
  });

  it("bad input answers next to the fields, keeps what was typed and writes nothing", async () => {
    const before = await rowCount();
    const o = await callAction<Reply>(form.action, "/consultations/new", {
      cookie: cookies.teacher,
      form: formOf({ consultedKind: "the_moon", heldOn: "2026-02-30", question: "", advice: "y".repeat(5001) }),
    });
    expect(o.status).toBe(400);
    expect(o.data.error).toMatchObject({
      consultedKind: ["validation.invalidChoice"],
      heldOn: ["validation.date"],
      question: ["validation.required"],
      advice: ["validation.tooLong_5000"],
    });
    expect(o.data.initialValue).toMatchObject({ consultedKind: "the_moon", heldOn: "2026-02-30" });
    expect(await rowCount()).toBe(before);
  });

  it("an 11-digit number is refused next to the field (the form schema and the domain agree), with the text kept to fix", async () => {
    const before = await rowCount();
    const question = `Barnet med fødselsnummer ${syntheticNationalId("2015-01-20")} er stille.`;
    const o = await callAction<Reply>(form.action, "/consultations/new", {
      cookie: cookies.teacher,
      form: formOf({ question }),
    });
    expect(o.status).toBe(400);
    expect(o.data.error).toEqual({ question: ["errors.national_id_in_text"] });
    expect(o.data.initialValue).toMatchObject({ question, advice: ADVICE });
    expect(await rowCount()).toBe(before);
  });

  it("is for people who can start logs: administrators and coordinators get 403", async () => {
    for (const who of ["administrator", "coordinator"]) {
      expect((await callLoader(form.loader, "/consultations/new", { cookie: cookies[who] })).status, who).toBe(403);
      expect((await callLoader(list.loader, "/consultations", { cookie: cookies[who] })).status, who).toBe(403);
      const o = await callAction(form.action, "/consultations/new", { cookie: cookies[who], form: formOf() });
      expect(o.status, who).toBe(403);
    }
  });

  it("offers the author's readable open logs to link to, and preselects one from ?logId=", async () => {
    const { logId: open } = await makeRelayLog(cast.actors.teacher, cast.school.id, "Valgbar Logg");
    const { logId: closed } = await makeConcern(cast.actors.teacher, cast.school.id, "Lukket Notat");
    await closeLog(cast.actors.teacher, closed, { reason: "no_further_concern", summary: "Ingen videre bekymring." });
    const { logId: colleagues } = await makeConcern(cast.actors.colleague, cast.school.id, "Kollegas Notat");
    type Options = { logs: { id: string; childName: string }[]; linkTo: string | null };
    const o = await callLoader<Options>(form.loader, `/consultations/new?logId=${open}`, { cookie: cookies.teacher });
    const ids = o.data.logs.map((l) => l.id);
    expect(ids).toContain(open);
    expect(ids).not.toContain(closed);
    expect(ids).not.toContain(colleagues);
    expect(o.data.linkTo).toBe(open);
    const other = await callLoader<Options>(form.loader, `/consultations/new?logId=${colleagues}`, { cookie: cookies.teacher });
    expect(other.data.linkTo).toBeNull();
  });
});

describe("who sees a consultation", () => {
  it("the author and the leader of the author's service; a colleague, another service, the coordinator and the administrator get 404", async () => {
    const { consultationId: id } = await recordConsultation(cast.actors.teacher, input({ question: "Synlighetsprøve" }));
    for (const who of ["teacher", "principal"]) {
      const o = await callLoader<{ question: string }>(detail.loader, `/consultations/${id}`, {
        cookie: cookies[who],
        params: { consultationId: id },
      });
      expect(o.status, who).toBe(200);
      expect(o.data.question).toBe("Synlighetsprøve");
      const l = await callLoader<{ consultations: { id: string }[] }>(list.loader, "/consultations", { cookie: cookies[who] });
      expect(l.data.consultations.map((c) => c.id), who).toContain(id);
    }
    for (const who of ["colleague", "otherPrincipal", "otherTeacher", "nurse", "coordinator", "administrator"]) {
      const o = await callLoader(detail.loader, `/consultations/${id}`, { cookie: cookies[who], params: { consultationId: id } });
      expect(o.status, who).toBe(404);
    }
    for (const who of ["colleague", "otherPrincipal", "nurse"]) {
      const l = await callLoader<{ consultations: { id: string }[] }>(list.loader, "/consultations", { cookie: cookies[who] });
      expect(l.status, who).toBe(200);
      expect(l.data.consultations.map((c) => c.id), who).not.toContain(id);
    }
    // An unknown or malformed id looks the same.
    for (const consultationId of ["b".repeat(26), "'; drop table consultations; --"]) {
      const o = await callLoader(detail.loader, "/consultations/x", { cookie: cookies.teacher, params: { consultationId } });
      expect(o.status).toBe(404);
    }
  });

  it("lists newest first, 25 to a page, with the author for a leader", async () => {
    const service = (await makeService({ kind: "kindergarten" })).id;
    const author = await actorOf((await makeUser({ name: "Liste Forfatter", memberships: [{ serviceId: service, role: "employee" }] })).id);
    const leader = await actorOf((await makeUser({ memberships: [{ serviceId: service, role: "leader" }] })).id);
    for (let i = 0; i < 27; i++) {
      await recordConsultation(author, input({ serviceId: service, heldOn: daysAgo(30 - i), question: `Drøfting ${i}` }));
    }
    const first = await listConsultations(author, { page: 1, locale: "nb" });
    expect(first).toMatchObject({ total: 27, page: 1, pages: 2, includesService: false });
    expect(first.consultations).toHaveLength(25);
    expect(first.consultations[0]).toMatchObject({ question: "Drøfting 26", heldOn: daysAgo(4), mine: true, consultedKindName: "Barnevern" });
    const second = await listConsultations(author, { page: 2, locale: "en" });
    expect(second.consultations.map((c) => c.question)).toEqual(["Drøfting 1", "Drøfting 0"]);
    expect(second.consultations[0]!.consultedKindName).toBe("Child welfare service");
    const led = await listConsultations(leader, { page: 1, locale: "nb" });
    expect(led).toMatchObject({ total: 27, includesService: true });
    expect(led.consultations[0]).toMatchObject({ mine: false, authorName: "Liste Forfatter" });
    // The route clamps a page past the end.
    const cookie = (await sessionFor(author.id)).cookie;
    const o = await callLoader<{ page: number; consultations: unknown[] }>(list.loader, "/consultations?page=9", { cookie });
    expect(o.data.page).toBe(2);
    expect(o.data.consultations).toHaveLength(2);
  });
});

describe("the link to a log", () => {
  type LogPage = { consultations: { id: string; question: string; canOpen: boolean }[] };
  type Detail = { log: { id: string; childName: string } | null };

  it("only to a log the author may read, and only while it is open", async () => {
    const { logId } = await makeRelayLog(cast.actors.teacher, cast.school.id, "Lenke Barn");
    const before = await rowCount();
    // A colleague cannot read the teacher's log: the same answer as an unknown log.
    for (const id of [logId, "c".repeat(26)]) {
      expect(await refusal(() => recordConsultation(cast.actors.colleague, input({ logId: id })))).toEqual({
        status: 400,
        code: "consultation_log_unknown",
        field: "logId",
      });
    }
    const o = await callAction<Reply>(form.action, "/consultations/new", { cookie: cookies.colleague, form: formOf({ logId }) });
    expect(o.status).toBe(400);
    expect(o.data.error).toEqual({ logId: ["errors.consultation_log_unknown"] });
    const { logId: closed } = await makeConcern(cast.actors.teacher, cast.school.id, "Lukket Lenke");
    await closeLog(cast.actors.teacher, closed, { reason: "no_further_concern", summary: "Ferdig." });
    expect(await refusal(() => recordConsultation(cast.actors.teacher, input({ logId: closed })))).toMatchObject({
      code: "log_closed",
      field: "logId",
    });
    expect(await rowCount()).toBe(before);
  });

  it("is shown on the log page to the log's readers only, and opens the consultation only for those who may see it", async () => {
    const { logId } = await makeRelayLog(cast.actors.teacher, cast.school.id, "Drøftet Barn");
    await giveConsent(cast.actors.teacher, logId, "share", [cast.health.id]);
    await addParticipant(logId, cast.ids.nurse, cast.health.id);
    const emptyPage = await callLoader<LogPage>(logPage.loader, `/logs/${logId}`, { cookie: cookies.teacher, params: { logId } });
    expect(emptyPage.data.consultations).toEqual([]);

    const o = await callAction(form.action, "/consultations/new", { cookie: cookies.teacher, form: formOf({ logId, question: "Koblet drøfting" }) });
    expect(o.status).toBe(302);
    const id = o.location!.split("/")[2]!.split("?")[0]!;
    const { db } = await database();
    expect((await db.select().from(consultations).where(eq(consultations.id, id)).get())!.logId).toBe(logId);

    // Holder and leader: listed, and they may open it. The nurse reads the log: listed, not openable.
    for (const [who, canOpen] of [
      ["teacher", true],
      ["principal", true],
      ["nurse", false],
    ] as const) {
      const page = await callLoader<LogPage>(logPage.loader, `/logs/${logId}`, { cookie: cookies[who], params: { logId } });
      expect(page.status, who).toBe(200);
      expect(page.data.consultations, who).toEqual([expect.objectContaining({ id, question: "Koblet drøfting", canOpen })]);
    }
    // Those who cannot read the log get the log page's 404; the domain says the same.
    for (const who of ["colleague", "otherPrincipal", "administrator"]) {
      const page = await callLoader(logPage.loader, `/logs/${logId}`, { cookie: cookies[who], params: { logId } });
      expect(page.status, who).toBe(404);
    }
    expect(await refusal(() => linkedConsultations(cast.actors.colleague, logId))).toMatchObject({ status: 404 });

    // The consultation page shows the link to the log's readers.
    for (const who of ["teacher", "principal"]) {
      const d = await callLoader<Detail>(detail.loader, `/consultations/${id}`, { cookie: cookies[who], params: { consultationId: id } });
      expect(d.data.log, who).toEqual({ id: logId, childName: "Drøftet Barn" });
    }
  });

  it("is hidden from a leader who sees the consultation but may not read the log", async () => {
    // A log held in the other school, where the teacher takes part (covered by consent).
    const { logId } = await makeRelayLog(otherTeacher, cast.otherSchool.id, "Annen Skole Barn");
    await giveConsent(otherTeacher, logId, "share", [cast.school.id]);
    await addParticipant(logId, cast.ids.teacher, cast.school.id);
    const { consultationId } = await recordConsultation(cast.actors.teacher, input({ logId, question: "Over skolegrensen" }));

    const mine = await getConsultation(cast.actors.teacher, consultationId, "nb");
    expect(mine.log).toEqual({ id: logId, childName: "Annen Skole Barn" });
    const principals = await getConsultation(cast.actors.principal, consultationId, "nb");
    expect(principals.question).toBe("Over skolegrensen");
    expect(principals.log).toBeNull();
    expect(JSON.stringify(principals)).not.toContain("Annen Skole Barn");

    // The other school's holder sees it on the log page, without opening it.
    const listed = await linkedConsultations(otherTeacher, logId);
    expect(listed).toEqual([expect.objectContaining({ id: consultationId, canOpen: false })]);
    expect(await refusal(() => getConsultation(otherTeacher, consultationId, "nb"))).toMatchObject({ status: 404 });
  });
});

import { and, eq } from "drizzle-orm";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "react-router-dom";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { beforeEach, describe, expect, it } from "vitest";
import { database } from "../../db/client.server";
import { consents, guardians, handovers, logEvents, logs } from "../../db/schema";
import { createI18n } from "../../app/i18n/i18n";
import * as logPage from "../../app/routes/logs.$logId._index";
import * as consentNew from "../../app/routes/logs.$logId.consents.new";
import * as withdraw from "../../app/routes/logs.$logId.consents.$consentId.withdraw";
import { proposeHandover } from "../../app/domain/logs/handovers.server";
import { makeService, makeUser, sessionFor } from "../support/factories";
import { actorOf, addParticipant, giveConsent, makeRelayLog, today } from "../support/log-factories";
import { BASE, callAction, callLoader } from "../support/requests";
import { renderRoute, textOf } from "../support/render";

/**
 * Nobody loses access by surprise (issue 9 point 3, DESIGN.md rule 11): a consent that
 * narrows another, a withdrawal by staff and a handover are refused by the domain until
 * the holder confirms having read who will lose access; the form names them (name,
 * service) from the very change, and keeps what was typed. A change that cuts nobody's
 * access needs no confirmation.
 */
type Loss = { userId: string; name: string; serviceName: string };
type Reply = { status?: string; error?: Record<string, string[]>; initialValue?: Record<string, unknown>; losses?: Loss[] };

const ids: Record<string, string> = {};
const cookies: Record<string, string> = {};
let school = "";
let health = "";
let ppt = "";

beforeEach(async () => {
  school = (await makeService({ kind: "school", name: "Nordby skole" })).id;
  health = (await makeService({ kind: "health_clinic", name: "Helsestasjonen Nord" })).id;
  ppt = (await makeService({ kind: "ppt", name: "PPT Nord" })).id;
  const people = {
    teacher: await makeUser({ name: "Tiril Lærer", memberships: [{ serviceId: school, role: "employee" }] }),
    nurse: await makeUser({ name: "Nina Helse", memberships: [{ serviceId: health, role: "employee" }] }),
    adviser: await makeUser({ name: "Per Rådgiver", memberships: [{ serviceId: ppt, role: "employee" }] }),
  };
  for (const [k, v] of Object.entries(people)) {
    ids[k] = v.id;
    cookies[k] = (await sessionFor(v.id)).cookie;
  }
});

const teacher = () => actorOf(ids.teacher!);
const readStatus = async (who: string, logId: string) =>
  (await callLoader(logPage.loader, `/logs/${logId}`, { cookie: cookies[who], params: { logId } })).status;

/** A relay log kept by consent, shared with health and PPT; the nurse and (optionally) the adviser take part. */
async function sharedLog(childName: string, adviserJoins = true) {
  const t = await teacher();
  const { logId } = await makeRelayLog(t, school, childName);
  await giveConsent(t, logId, "keep");
  const share = await giveConsent(t, logId, "share", [health, ppt]);
  await addParticipant(logId, ids.nurse!, health);
  if (adviserJoins) await addParticipant(logId, ids.adviser!, ppt);
  const { db } = await database();
  const log = (await db.select().from(logs).where(eq(logs.id, logId)).get())!;
  const guardianIds = (await db.select().from(guardians).where(eq(guardians.childId, log.childId))).map((g) => g.id);
  return { logId, shareId: share.consentId, guardianIds };
}

async function state(logId: string) {
  const { db } = await database();
  return {
    events: (await db.select({ id: logEvents.id }).from(logEvents).where(eq(logEvents.logId, logId))).length,
    activeConsents: (await db.select({ id: consents.id }).from(consents).where(and(eq(consents.logId, logId), eq(consents.status, "active"))))
      .map((c) => c.id)
      .sort(),
  };
}

/** The consent form's fields, as the browser sends them to narrow the sharing consent to health only. */
function narrowing(shareId: string, guardianIds: string[], more: Record<string, string> = {}) {
  const form = new FormData();
  const fields: [string, string][] = [
    ["scope", "share"],
    ["decision", "given"],
    ["form", "written"],
    ["purpose", "Samarbeid bare med helsestasjonen"],
    ["givenOn", today()],
    ["replacesId", shareId],
    ["serviceIds", health],
    ...guardianIds.map((g) => ["guardianIds", g] as [string, string]),
    ...Object.entries(more),
  ];
  for (const [k, v] of fields) form.append(k, v);
  return form;
}

function consentRequest(logId: string, body: FormData) {
  return new Request(new URL(`/logs/${logId}/consents/new`, BASE), { method: "POST", body, headers: { Cookie: cookies.teacher! } });
}

/** The consent form's action with a multipart body, the way the browser posts it. */
async function postConsent(logId: string, body: FormData) {
  const value = (await consentNew.action({
    request: consentRequest(logId, body),
    params: { logId },
    context: { cspNonce: "", clientAddress: "127.0.0.1" },
  })) as unknown;
  if (value instanceof Response) return { status: value.status, location: value.headers.get("Location"), data: undefined };
  const v = value as { data: Reply; init: { status: number } | null };
  return { status: v.init?.status ?? 200, location: null, data: v.data };
}

/** The consent page as it is shown after a refused submit (no JavaScript): action, then page. */
async function consentPageAfterPost(logId: string, body: FormData, locale: "nb" | "en" = "nb") {
  const context = { cspNonce: "n", clientAddress: "127.0.0.1" };
  const routes = [
    {
      id: "page",
      path: "/logs/:logId/consents/new",
      loader: (args: LoaderFunctionArgs) => consentNew.loader({ ...args, context } as never) as never,
      action: (args: ActionFunctionArgs) => consentNew.action({ ...args, context } as never) as never,
      Component: consentNew.default,
    },
  ];
  const handler = createStaticHandler(routes);
  const request = new Request(new URL(`/logs/${logId}/consents/new`, BASE), {
    method: "POST",
    body,
    headers: { Cookie: `${cookies.teacher!}; stafettlogg_lang=${locale}` },
  });
  const result = await handler.query(request);
  if (result instanceof Response) throw new Error(`unexpected response ${result.status}`);
  const router = createStaticRouter(handler.dataRoutes, result);
  return renderToStaticMarkup(
    h(I18nextProvider, { i18n: createI18n(locale) }, h(StaticRouterProvider, { router, context: result, hydrate: false })),
  );
}

describe("narrowing a consent on the consent form", () => {
  it("without confirmation: nothing changes, the form names who loses access and keeps what was typed; with it: saved, and the adviser's next request is 404", async () => {
    const { logId, shareId, guardianIds } = await sharedLog("Innsnevring Skjema");
    const before = await state(logId);

    const refused = await postConsent(logId, narrowing(shareId, guardianIds));
    expect(refused.status).toBe(400);
    expect(refused.data!.error).toEqual({ confirmLoss: ["errors.access_loss_unconfirmed"] });
    expect(refused.data!.losses!.map((l) => [l.name, l.serviceName])).toEqual([["Per Rådgiver", "PPT Nord"]]);
    expect(refused.data!.initialValue).toMatchObject({ purpose: "Samarbeid bare med helsestasjonen", serviceIds: health });
    expect(await state(logId)).toEqual(before);
    expect(await readStatus("adviser", logId)).toBe(200);

    // What the page shows without JavaScript: the person, the checkbox with its error, the typed purpose.
    const html = await consentPageAfterPost(logId, narrowing(shareId, guardianIds));
    const text = textOf(html);
    expect(text).toContain("Disse mister tilgangen til loggen");
    expect(text).toContain("Per Rådgiver – PPT Nord");
    expect(text).toContain("Bekreft at du har lest hvem som mister tilgangen til loggen.");
    expect(html).toMatch(/<input[^>]*name="confirmLoss"[^>]*aria-invalid="true"|<input[^>]*aria-invalid="true"[^>]*name="confirmLoss"/);
    expect(html).toContain("Samarbeid bare med helsestasjonen");
    expect(await state(logId)).toEqual(before);
    const en = textOf(await consentPageAfterPost(logId, narrowing(shareId, guardianIds), "en"));
    expect(en).toContain("These people lose access to the log");
    expect(en).toContain("Per Rådgiver – PPT Nord");

    const saved = await postConsent(logId, narrowing(shareId, guardianIds, { confirmLoss: "on" }));
    expect(saved.location).toBe(`/logs/${logId}?notice=consent#notice`);
    expect(await readStatus("adviser", logId)).toBe(404);
    expect(await readStatus("nurse", logId)).toBe(200);
  });

  it("the change form says beforehand, per service, who would lose access if it were removed — and changes nothing", async () => {
    const { logId, shareId } = await sharedLog("Innsnevring Forhånd");
    const before = await state(logId);
    const path = `/logs/${logId}/consents/new?replaces=${shareId}`;
    const page = await callLoader<{ removal: { serviceName: string; losses: Loss[] }[] }>(consentNew.loader, path, {
      cookie: cookies.teacher,
      params: { logId },
    });
    expect(page.data.removal.map((r) => [r.serviceName, r.losses.map((l) => l.name)]).sort()).toEqual([
      ["Helsestasjonen Nord", ["Nina Helse"]],
      ["PPT Nord", ["Per Rådgiver"]],
    ]);
    const text = textOf((await renderRoute(consentNew, "/logs/:logId/consents/new", path, { cookie: cookies.teacher })).html);
    expect(text).toContain("Fjerner du PPT Nord, mister disse tilgangen til loggen: Per Rådgiver – PPT Nord.");
    expect(await state(logId)).toEqual(before);
    expect(await readStatus("adviser", logId)).toBe(200);
  });

  it("a narrowing that cuts nobody's access needs no confirmation", async () => {
    const { logId, shareId, guardianIds } = await sharedLog("Innsnevring Ingen", false);
    const saved = await postConsent(logId, narrowing(shareId, guardianIds));
    expect(saved.location).toBe(`/logs/${logId}?notice=consent#notice`);
    expect(await readStatus("nurse", logId)).toBe(200);
  });
});

describe("withdrawing a consent (staff)", () => {
  it("the form names who loses access; without confirmation nothing changes and the reason is kept; with it the adviser's next request is 404", async () => {
    const { logId, shareId } = await sharedLog("Tilbaketrekking Skjema");
    const path = `/logs/${logId}/consents/${shareId}/withdraw?service=${ppt}`;
    const page = await callLoader<{ losses: Loss[] }>(withdraw.loader, path, { cookie: cookies.teacher, params: { logId, consentId: shareId } });
    expect(page.data.losses.map((l) => [l.name, l.serviceName])).toEqual([["Per Rådgiver", "PPT Nord"]]);
    const shown = textOf(
      (await renderRoute(withdraw, "/logs/:logId/consents/:consentId/withdraw", path, { cookie: cookies.teacher })).html,
    );
    expect(shown).toContain("Per Rådgiver – PPT Nord");
    expect(shown).toContain("Jeg har lest hvem som mister tilgangen til loggen");

    const before = await state(logId);
    const form = { serviceId: ppt, reason: "Mor ringte og trakk det for PPT" };
    const refused = await callAction<Reply>(withdraw.action, path, { cookie: cookies.teacher, params: { logId, consentId: shareId }, form });
    expect(refused.status).toBe(400);
    expect(refused.data.error).toEqual({ confirmLoss: ["errors.access_loss_unconfirmed"] });
    expect(refused.data.initialValue).toMatchObject({ reason: "Mor ringte og trakk det for PPT" });
    expect(await state(logId)).toEqual(before);
    expect(await readStatus("adviser", logId)).toBe(200);

    const done = await callAction(withdraw.action, path, {
      cookie: cookies.teacher,
      params: { logId, consentId: shareId },
      form: { ...form, confirmLoss: "on" },
    });
    expect(done.location).toBe(`/logs/${logId}?notice=withdrawn#notice`);
    expect(await readStatus("adviser", logId)).toBe(404);
    expect(await readStatus("nurse", logId)).toBe(200);
  });

  it("a withdrawal that cuts nobody's access shows no warning and needs no confirmation", async () => {
    const { logId, shareId } = await sharedLog("Tilbaketrekking Ingen", false);
    const path = `/logs/${logId}/consents/${shareId}/withdraw?service=${ppt}`;
    const page = await callLoader<{ losses: Loss[] }>(withdraw.loader, path, { cookie: cookies.teacher, params: { logId, consentId: shareId } });
    expect(page.data.losses).toEqual([]);
    const shown = textOf(
      (await renderRoute(withdraw, "/logs/:logId/consents/:consentId/withdraw", path, { cookie: cookies.teacher })).html,
    );
    expect(shown).not.toContain("Disse mister tilgangen til loggen");
    const done = await callAction(withdraw.action, path, {
      cookie: cookies.teacher,
      params: { logId, consentId: shareId },
      form: { serviceId: ppt, reason: "Ikke lenger aktuelt" },
    });
    expect(done.location).toBe(`/logs/${logId}?notice=withdrawn#notice`);
  });
});

describe("a handover (the rule lives in the domain)", () => {
  it("proposeHandover refuses a handover that cuts access unless confirmed, and proposes nothing", async () => {
    const t = await teacher();
    const { logId } = await makeRelayLog(t, school, "Overføring Domene");
    await giveConsent(t, logId, "share", [health]);
    const input = { toUserId: ids.nurse!, toServiceId: health, message: "Over til deg" };
    await expect(proposeHandover(t, logId, input)).rejects.toMatchObject({ code: "access_loss_unconfirmed", details: { field: "confirmLoss" } });
    const { db } = await database();
    expect(await db.select().from(handovers).where(eq(handovers.logId, logId))).toEqual([]);
    await proposeHandover(t, logId, { ...input, confirmLoss: true });
    expect((await db.select().from(handovers).where(eq(handovers.logId, logId))).map((h) => h.status)).toEqual(["proposed"]);
  });
});

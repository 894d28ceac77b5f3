import { beforeEach, describe, expect, it } from "vitest";
import * as invitationPage from "../../app/routes/invitations.$invitationId";
import { withdrawConsent } from "../../app/domain/consent/consents.server";
import { inviteToLog } from "../../app/domain/logs/log-invitations.server";
import { makeService, makeUser, sessionFor } from "../support/factories";
import { actorOf, giveConsent, makeRelayLog } from "../support/log-factories";
import { callLoader } from "../support/requests";
import { renderRoute, textOf } from "../support/render";

/**
 * The invitation page names the child only while a consent still covers the invitee's
 * service (as the home page does: first name and initials), and otherwise says "a log",
 * with neither the child's name nor the inviter's message, which may describe the child.
 */
type Page = { log: { child: string; level: number } | null; message: string | null };

const CHILD = "Tuva Prøvesen Ekre";
const MESSAGE = "Tuva sover dårlig og er mye borte. Kan du bli med?";
let school = "";
let health = "";
const ids: Record<string, string> = {};
const cookies: Record<string, string> = {};

beforeEach(async () => {
  school = (await makeService({ kind: "school", name: "Vestby skole" })).id;
  health = (await makeService({ kind: "health_clinic", name: "Helsestasjonen Vest" })).id;
  for (const [k, serviceId] of [
    ["teacher", school],
    ["colleague", school],
    ["nurse", health],
  ] as const) {
    const user = await makeUser({ memberships: [{ serviceId, role: "employee" }] });
    ids[k] = user.id;
    cookies[k] = (await sessionFor(user.id)).cookie;
  }
});

const path = (invitationId: string) => `/invitations/${invitationId}`;
const load = (who: string, invitationId: string) =>
  callLoader<Page>(invitationPage.loader, path(invitationId), { cookie: cookies[who], params: { invitationId } });
const shown = async (who: string, invitationId: string, locale: "nb" | "en" = "nb") =>
  textOf((await renderRoute(invitationPage, "/invitations/:invitationId", path(invitationId), { cookie: cookies[who], locale })).html);

describe("the invitation page", () => {
  it("names the child (first name and initials) and shows the message while the consent covers the service; afterwards, 'a log' and neither", async () => {
    const t = await actorOf(ids.teacher!);
    const { logId } = await makeRelayLog(t, school, CHILD);
    await giveConsent(t, logId, "keep");
    const share = await giveConsent(t, logId, "share", [health]);
    const { invitationId } = await inviteToLog(t, logId, { inviteeId: ids.nurse!, serviceId: health, message: MESSAGE });

    const covered = await load("nurse", invitationId);
    expect(covered.status).toBe(200);
    expect(covered.data).toMatchObject({ log: { child: "Tuva P. E.", level: 1 }, message: MESSAGE });
    expect(JSON.stringify(covered.data)).not.toContain(CHILD);
    const before = await shown("nurse", invitationId);
    expect(before).toContain("stafettloggen for Tuva P. E., for Helsestasjonen Vest");
    expect(before).toContain(MESSAGE);
    expect(before).not.toContain("Prøvesen");

    await withdrawConsent(t, logId, share.consentId, { reason: "Mor trakk samtykket" });
    const uncovered = await load("nurse", invitationId);
    expect(uncovered.status).toBe(200);
    expect(uncovered.data).toMatchObject({ log: null, message: null });
    expect(JSON.stringify(uncovered.data)).not.toContain("Tuva");
    for (const locale of ["nb", "en"] as const) {
      const after = await shown("nurse", invitationId, locale);
      expect(after).not.toContain("Tuva");
      expect(after).not.toContain("Prøvesen");
      expect(after).not.toContain(MESSAGE);
      expect(after).toContain(
        locale === "nb" ? "inviterer deg til å delta i en stafettlogg, for Helsestasjonen Vest." : "invites you to take part in a relay log, for Helsestasjonen Vest.",
      );
    }
  });

  it("names the child to a colleague in the holder's own service, which needs no sharing consent", async () => {
    const t = await actorOf(ids.teacher!);
    const { logId } = await makeRelayLog(t, school, "Iver Prøvesen Ekre");
    const { invitationId } = await inviteToLog(t, logId, { inviteeId: ids.colleague!, serviceId: school, message: "Bli med" });
    expect((await load("colleague", invitationId)).data).toMatchObject({ log: { child: "Iver P. E.", level: 1 }, message: "Bli med" });
  });

  it("is not found for anyone but the invitee", async () => {
    const t = await actorOf(ids.teacher!);
    const { logId } = await makeRelayLog(t, school, "Ola Prøvesen Ekre");
    const { invitationId } = await inviteToLog(t, logId, { inviteeId: ids.colleague!, serviceId: school, message: "Bli med" });
    expect((await load("nurse", invitationId)).status).toBe(404);
  });
});

import type { DatabaseHandle } from "../../client.server";
import { akselLog } from "./aksel";
import { ellaLog } from "./ella";
import { emilLog } from "./emil";
import { historyLogs, seedHistoryPeople } from "./history";
import { idaLog } from "./ida";
import { livaLog } from "./liva";
import type { DemoLog } from "./log";
import { mathiasLog } from "./mathias";
import { DEMO_PASSWORD, demoAccounts, seedMunicipality } from "./municipality";
import { noahLog } from "./noah";
import { oskarLog } from "./oskar";
import { sanderLog } from "./sander";
import { saraLog } from "./sara";
import { sofieLog } from "./sofie";
import { viljaLog } from "./vilja";
import { insertWorld, openWorld, type World } from "./world";

/**
 * The demo municipality's relay logs: twelve invented children, with level-0 concerns and
 * relay logs at every level and in every state, held by the demo teacher, the kindergarten
 * teacher and the school nurse (issue 3 item 13), one file per child (README.md).
 *
 * Evaluations fall due in the coming weeks, except one deliberately overdue, and one log
 * has gone too long without the child's voice. Every relay log has a complete consent to
 * keep it, given by its guardians with parental responsibility the day it became a relay
 * log. The logs at level 2 and 3 have the sharing consents, invitations and participants
 * their story needs, and each participant passes the consent gate
 * (app/domain/access/consent-gate.server.ts) — except one, on purpose: on Ella's log the
 * consent covering the school nurse was withdrawn, so she has lost access while her row
 * and what she wrote stay. Sara's log was started by the teacher and handed over to the
 * nurse. There is also a partial consent (one of two guardians), an expired one, a refusal,
 * and an invitation left unanswered past its date (issue 4).
 *
 * All names are made up. Two children have synthetic (Tenor-style) national ids.
 */
const demoLogs: ((w: World) => DemoLog)[] = [
  // Solbakken skole, Ingrid Solvik (kontaktlærer 5B): five logs, and Sara's (below), which
  // she started and handed over to the school nurse.
  emilLog,
  sofieLog,
  noahLog,
  ellaLog,
  oskarLog,
  // Tyttebær barnehage, Marte Lyngstad (pedagogisk leder): four logs.
  livaLog,
  akselLog,
  mathiasLog,
  idaLog,
  // Helsestasjon og skolehelsetjeneste, Siri Haugvik (helsesykepleier): three logs, one
  // handed over to her.
  saraLog,
  sanderLog,
  viljaLog,
];

/** Seed the demo into an empty database, in one transaction. */
export async function seedDemo(handle: DatabaseHandle, hashPassword: (p: string) => Promise<string>) {
  const passwordHashes = await Promise.all(demoAccounts.map(() => hashPassword(DEMO_PASSWORD)));
  const now = new Date();
  await handle.transaction(async (tx) => {
    const ctx = await seedMunicipality(tx, now, passwordHashes);
    await seedHistoryPeople(tx, ctx, passwordHashes[0]!);
    const world = await openWorld(tx, ctx);
    for (const write of demoLogs) write(world).finish();
    // A year of history for the coordinator's figures, after the twelve children (./history.ts).
    for (const log of historyLogs(world)) log.finish();
    await insertWorld(tx, world);
  });
}

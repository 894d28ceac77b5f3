import { database } from "../../../db/client.server";
import { serviceKinds } from "../../../db/schema";
import { todayInOslo } from "../../lib/dates";
import type { Locale, ServiceKind } from "../../lib/enums";
import { can, type Actor } from "../auth/permissions";
import { notFound } from "../errors.server";
import { guideInEffect } from "../guide.server";
import type { StatisticsFilter } from "./compute";
import { currentSnapshot } from "./snapshots.server";
import { buildTables } from "./tables";
import type { StatTable } from "../../lib/statistics";
import { localized } from "../../lib/locales";

/**
 * The coordinator's dashboard (issue 12 points 1–2): the stored figures of one filter
 * (snapshots.server.ts, computed from the facts in facts.server.ts), suppressed by
 * buildTables. No name, birth date, national id, guardian, free text or log id leaves this
 * module; reading aggregates opens no log, so it writes no access-log row.
 */

export interface Dashboard {
  filter: StatisticsFilter;
  municipalityName: string;
  today: string;
  asOf: string;
  /** When the figures were computed (an ISO timestamp): the page says so. */
  computedAt: string;
  years: number[];
  serviceKinds: ServiceKind[];
  /** Every service kind's name in the reader's language (reference data, not people). */
  kindNames: Record<string, string>;
  tables: StatTable[];
}

/**
 * The coordinator's dashboard for one filter; anyone else gets 404, like every page they may
 * not see. It reads the figures the statistics job computed ahead (snapshots.server.ts): a
 * lookup of one row, never a read of the logs. When there is no snapshot of today yet (a new
 * install, the first request after midnight before the job has run) it computes all of
 * them once, stores them, and shows them, so the page is never empty or a day behind.
 */
export async function coordinatorDashboard(
  actor: Actor,
  filter: { year?: number; serviceKind?: ServiceKind | null },
  locale: Locale,
  now: Date = new Date(),
): Promise<Dashboard> {
  if (!can(actor, "statistics.view")) throw notFound();
  const { db } = await database();
  const today = todayInOslo(now);
  const snapshot = await currentSnapshot(db, filter, now);
  const guide = await guideInEffect(db, today);
  const raw = snapshot.figures;
  return {
    filter: snapshot.filter,
    municipalityName: guide.municipalityName,
    today: snapshot.computedOn,
    asOf: raw.asOf,
    computedAt: snapshot.computedAt.toISOString(),
    years: snapshot.years,
    serviceKinds: snapshot.serviceKinds,
    kindNames: Object.fromEntries(
      (await db.select().from(serviceKinds)).map((k) => [k.code, localized(k, "name", locale)]),
    ),
    tables: buildTables(raw, { sameDayAsNow: raw.asOf === snapshot.computedOn }),
  };
}

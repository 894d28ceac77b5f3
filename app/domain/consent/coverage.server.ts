import { sql, type SQL } from "drizzle-orm";
import type { Queryable } from "../../../db/client.server";
import { children, consentGuardians, consentServices, consents, guardians, logs } from "../../../db/schema";
import { todayInOslo } from "../../lib/dates";
import { guideSettingsIn } from "../guide.server";

/**
 * Whether a consent covers a service on a log — the gate every participant's read and
 * write passes (DESIGN.md rule 3), defined once, as SQL, so single reads and list
 * queries agree. A consent counts when it is active, given (not a refusal), not expired,
 * lists the service, and is complete: either the young person gave it alone and is at
 * least the action guide's consent age, or every guardian with parental responsibility
 * gave it (docs/decisions/007-consent-gate.md).
 */
export interface GateContext {
  today: string;
  /** Children born on or before this date have reached the consent age. */
  consentAgeBornBy: string;
}

export async function gateContext(db: Queryable, today = todayInOslo()): Promise<GateContext> {
  const guide = await guideSettingsIn(db);
  const [y, m, d] = today.split("-");
  return { today, consentAgeBornBy: `${Number(y) - guide.consentAge}-${m}-${d}` };
}

/** SQL: the consent row `c` (aliased as consents) is complete for the log's child. */
function completeConsent(ctx: GateContext): SQL {
  return sql`(
    (${consents.youngPerson} = 1 and exists (
      select 1 from ${children} ch join ${logs} lg on lg.child_id = ch.id
      where lg.id = ${consents.logId} and ch.birth_date <= ${ctx.consentAgeBornBy}))
    or (${consents.youngPerson} = 0
      and exists (
        select 1 from ${guardians} g join ${logs} lg on lg.child_id = g.child_id
        where lg.id = ${consents.logId} and g.parental_responsibility = 1)
      and not exists (
        select 1 from ${guardians} g join ${logs} lg on lg.child_id = g.child_id
        where lg.id = ${consents.logId} and g.parental_responsibility = 1
          and not exists (
            select 1 from ${consentGuardians} cg where cg.consent_id = ${consents.id} and cg.guardian_id = g.id)))
  )`;
}

/** SQL condition: some complete, valid consent on `logId` covers `serviceId`. */
export function coveredSql(logId: SQL | string, serviceId: SQL | string, ctx: GateContext): SQL {
  return sql`exists (
    select 1 from ${consents}
    join ${consentServices} on ${consentServices.consentId} = ${consents.id}
    where ${consents.logId} = ${logId}
      and ${consentServices.serviceId} = ${serviceId}
      and ${consents.status} = 'active'
      and ${consents.decision} = 'given'
      and ${consents.expiresOn} >= ${ctx.today}
      and ${completeConsent(ctx)}
  )`;
}

export async function isCovered(db: Queryable, logId: string, serviceId: string, ctx?: GateContext): Promise<boolean> {
  const context = ctx ?? (await gateContext(db));
  const row = await db.get<{ ok: number }>(sql`select ${coveredSql(logId, serviceId, context)} as ok`);
  return row?.ok === 1;
}

/** SQL condition: a complete, valid consent to keep the log `logId` exists. */
export function keepConsentSql(logId: SQL | string, ctx: GateContext): SQL {
  return sql`exists (
    select 1 from ${consents}
    where ${consents.logId} = ${logId}
      and ${consents.scope} = 'keep'
      and ${consents.status} = 'active'
      and ${consents.decision} = 'given'
      and ${consents.expiresOn} >= ${ctx.today}
      and ${completeConsent(ctx)}
  )`;
}

/** Whether a complete, valid consent to keep the log exists. */
export async function hasKeepConsent(db: Queryable, logId: string, ctx?: GateContext): Promise<boolean> {
  const context = ctx ?? (await gateContext(db));
  const row = await db.get<{ ok: number }>(sql`select ${keepConsentSql(logId, context)} as ok`);
  return row?.ok === 1;
}

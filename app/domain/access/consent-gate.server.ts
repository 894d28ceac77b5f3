import { sql, type SQL } from "drizzle-orm";
import type { Queryable } from "../../../db/client.server";
import { children, consentGuardians, consentServices, consents, guardians, logs } from "../../../db/schema";
import { todayInOslo } from "../../lib/dates";
import { guideInEffect } from "../guide.server";

/**
 * The consent gate (DESIGN.md rule 3), once, in its two forms side by side: SQL for
 * queries (`coveredSql`, `gateSql`, `keepConsentSql`) and JavaScript over consents already
 * loaded (`consentCounts`, `covers`). tests/integration/consent-gate-forms.test.ts checks
 * that both forms answer alike.
 *
 * A consent counts when it is active, given (not a refusal), not expired, and complete:
 * either the young person gave it alone and is at least the action guide's consent age,
 * or every guardian with parental responsibility gave it (docs/decisions/007-consent-gate.md).
 * It covers a service when it counts and lists the service — and, asked about one category
 * of information, when it is not limited to other categories. A person from the holder's
 * own service needs no sharing consent: "own service, or covered" is `passesGate`.
 */
export interface GateContext {
  today: string;
  /** Children born on or before this date have reached the consent age. */
  consentAgeBornBy: string;
}

export async function gateContext(db: Queryable, today = todayInOslo()): Promise<GateContext> {
  const guide = await guideInEffect(db, today);
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

/** SQL: the consent is not limited to categories, or `category` is one of them (none asked: any). */
function categoryAllowed(category: string | undefined): SQL {
  if (category === undefined) return sql`1`;
  return sql`(${consents.categories} is null or exists (select 1 from json_each(${consents.categories}) where value = ${category}))`;
}

/** SQL condition: some complete, valid consent on `logId` covers `serviceId` (for `category`, if asked). */
export function coveredSql(logId: SQL | string, serviceId: SQL | string, ctx: GateContext, category?: string): SQL {
  return sql`exists (
    select 1 from ${consents}
    join ${consentServices} on ${consentServices.consentId} = ${consents.id}
    where ${consents.logId} = ${logId}
      and ${consentServices.serviceId} = ${serviceId}
      and ${consents.status} = 'active'
      and ${consents.decision} = 'given'
      and ${consents.expiresOn} >= ${ctx.today}
      and ${completeConsent(ctx)}
      and ${categoryAllowed(category)}
  )`;
}

/** SQL condition: a person of `serviceId` passes the gate on the log — the holder's own service, or covered. */
export function gateSql(logId: SQL, serviceId: SQL, holderServiceId: SQL, ctx: GateContext): SQL {
  return sql`(${serviceId} = ${holderServiceId} or ${coveredSql(logId, serviceId, ctx)})`;
}

/** Whether some complete, valid consent on the log covers the service (the SQL form, for one log). */
export async function isCovered(
  db: Queryable,
  logId: string,
  serviceId: string,
  ctx?: GateContext,
  category?: string,
): Promise<boolean> {
  const context = ctx ?? (await gateContext(db));
  const row = await db.get<{ ok: number }>(sql`select ${coveredSql(logId, serviceId, context, category)} as ok`);
  return row?.ok === 1;
}

/**
 * Whether a person acting for `serviceId` passes the gate on the log: the holder's own
 * service needs no sharing consent; any other must be covered.
 */
export async function passesGate(
  db: Queryable,
  log: { id: string; holderServiceId: string },
  serviceId: string,
  ctx?: GateContext,
): Promise<boolean> {
  return serviceId === log.holderServiceId || (await isCovered(db, log.id, serviceId, ctx));
}

/** A consent as loaded for the JavaScript form of the rule. */
export interface ConsentFacts {
  decision: "given" | "refused";
  expiresOn: string;
  youngPerson: boolean;
  /** The guardians who gave it. */
  guardianIds: Iterable<string>;
}

/** The child's side of completeness: birth date, and the guardians with parental responsibility. */
export interface ChildFacts {
  birthDate: string;
  responsibleGuardianIds: string[];
}

/** JavaScript form of `completeConsent` and of "counts" (an active consent as loaded). */
export function consentCounts(consent: ConsentFacts, child: ChildFacts, ctx: GateContext) {
  const given = new Set(consent.guardianIds);
  const guardiansGiven = child.responsibleGuardianIds.filter((id) => given.has(id)).length;
  const youngPersonOk = consent.youngPerson && child.birthDate <= ctx.consentAgeBornBy;
  const complete =
    youngPersonOk ||
    (!consent.youngPerson && child.responsibleGuardianIds.length > 0 && guardiansGiven === child.responsibleGuardianIds.length);
  return {
    guardiansGiven,
    complete,
    expired: consent.expiresOn < ctx.today,
    counts: complete && consent.decision === "given" && consent.expiresOn >= ctx.today,
  };
}

/** An active consent, with whether it counts, as `consentState` returns it. */
export interface CountedConsent {
  counts: boolean;
  services: { id: string }[];
  categories: string[];
}

/** JavaScript form of `coveredSql`: the consents (active, as loaded) that cover the service. */
export function coveringConsents<C extends CountedConsent>(consents: C[], serviceId: string, category?: string): C[] {
  return consents.filter(
    (c) =>
      c.counts &&
      c.services.some((s) => s.id === serviceId) &&
      (category === undefined || c.categories.length === 0 || c.categories.includes(category)),
  );
}

/** JavaScript form of `coveredSql`: whether some consent (active, as loaded) covers the service. */
export function covers(consents: CountedConsent[], serviceId: string, category?: string): boolean {
  return coveringConsents(consents, serviceId, category).length > 0;
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

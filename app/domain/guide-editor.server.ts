import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { database, type Queryable, type Transaction } from "../../db/client.server";
import { guideAudit, guideLevelTexts, guideSteps, guideVersions, users, type GuideChange } from "../../db/schema";
import { addDays, todayInOslo } from "../lib/dates";
import { btiLevels, locales, type GuideAuditAction, type Locale } from "../lib/enums";
import { guideSettingFields, guideTextField, stepLinesOf, type GuideDraftInput, type GuideSettingField } from "../lib/guide-schemas";
import { createId } from "../lib/ids";
import { requireCapability } from "./auth/guards.server";
import type { Actor } from "./auth/permissions";
import { AppError, fieldError, notFound } from "./errors.server";
import { guideInEffect, levelTextsFor, stepsFor, type GuideVersion } from "./guide.server";

/**
 * The BTI coordinator's editor for the local action guide (docs/decisions/027): versions
 * are drafted, previewed and published; a published version is never changed; every
 * creation, change, publication and deletion of a draft writes a guide_audit row (who,
 * when, what: field-level from/to) in the same transaction.
 */

const settingFields = guideSettingFields;
type SettingField = GuideSettingField;

/** A version's settings, texts and steps as flat fields (the editor's form, and what diffs compare). */
type FlatGuide = Record<string, string | number>;

async function flatten(db: Queryable, version: GuideVersion): Promise<FlatGuide> {
  const flat: FlatGuide = {};
  for (const f of settingFields) flat[f] = version[f];
  const texts = await db.select().from(guideLevelTexts).where(eq(guideLevelTexts.versionId, version.id));
  const steps = await db
    .select()
    .from(guideSteps)
    .where(eq(guideSteps.versionId, version.id))
    .orderBy(asc(guideSteps.level), asc(guideSteps.position));
  for (const level of btiLevels) {
    for (const locale of locales) {
      const t = texts.find((r) => r.level === level && r.locale === locale);
      flat[guideTextField("name", level, locale)] = t?.name ?? "";
      flat[guideTextField("description", level, locale)] = t?.description ?? "";
      flat[guideTextField("steps", level, locale)] = steps
        .filter((s) => s.level === level)
        .map((s) => s.texts[locale] ?? "")
        .join("\n");
    }
  }
  return flat;
}

function diff(from: FlatGuide, to: FlatGuide): GuideChange[] {
  const changes: GuideChange[] = [];
  for (const field of Object.keys(to)) {
    if (String(from[field] ?? "") !== String(to[field] ?? "")) changes.push({ field, from: from[field] ?? null, to: to[field] ?? null });
  }
  return changes;
}

async function audit(tx: Transaction, actor: Actor, version: { id: string; number: number }, action: GuideAuditAction, changes: GuideChange[]) {
  await tx.insert(guideAudit).values({
    id: createId(),
    versionId: version.id,
    versionNumber: version.number,
    actorId: actor.id,
    at: new Date(),
    action,
    changes,
  });
}

async function versionById(db: Queryable, id: string) {
  const v = await db.select().from(guideVersions).where(eq(guideVersions.id, id)).get();
  if (!v) throw notFound();
  return v;
}

function assertDraft(v: GuideVersion) {
  if (v.state !== "draft") throw new AppError(409, "guide_version_published");
}

/** The versions, newest first, which one is in effect today, and the audit trail. */
export async function guideOverview(actor: Actor) {
  requireCapability(actor, "guide.edit");
  const { db } = await database();
  const today = todayInOslo();
  const inEffect = await guideInEffect(db, today);
  const versions = await db.select().from(guideVersions).orderBy(desc(guideVersions.number));
  const people = new Map(
    (
      await db
        .select({ id: users.id, name: users.name })
        .from(users)
        .where(
          inArray(users.id, [
            ...new Set([
              ...versions.flatMap((v) => [v.publishedBy, v.createdBy]).filter((x): x is string => !!x),
              ...(await db.selectDistinct({ id: guideAudit.actorId }).from(guideAudit)).map((a) => a.id),
            ]),
          ]),
        )
    ).map((u) => [u.id, u.name]),
  );
  const trail = await db.select().from(guideAudit).orderBy(desc(guideAudit.at)).limit(200);
  return {
    today,
    inEffectId: inEffect.id,
    hasDraft: versions.some((v) => v.state === "draft"),
    versions: versions.map((v) => ({
      id: v.id,
      number: v.number,
      state: v.state,
      effectiveOn: v.effectiveOn,
      note: v.note,
      publishedBy: v.publishedBy ? (people.get(v.publishedBy) ?? null) : null,
      publishedAt: v.publishedAt?.toISOString() ?? null,
      /** Published with a date still ahead: it will take effect then. */
      upcoming: v.state === "published" && v.effectiveOn > today,
    })),
    audit: trail.map((a) => ({
      id: a.id,
      versionNumber: a.versionNumber,
      actor: people.get(a.actorId) ?? "",
      at: a.at.toISOString(),
      action: a.action,
      changes: a.changes,
    })),
  };
}

/** "Ny versjon": a draft copied from the latest version, effective from tomorrow. One draft at a time. */
export async function createDraft(actor: Actor): Promise<{ id: string }> {
  requireCapability(actor, "guide.edit");
  const { transaction } = await database();
  return transaction(async (tx) => {
    const existing = await tx.select({ id: guideVersions.id }).from(guideVersions).where(eq(guideVersions.state, "draft")).get();
    if (existing) return existing;
    const latest = (await tx.select().from(guideVersions).orderBy(desc(guideVersions.number)).get())!;
    const id = createId();
    const now = new Date();
    const version = {
      ...latest,
      id,
      number: latest.number + 1,
      state: "draft" as const,
      effectiveOn: [addDays(todayInOslo(), 1), latest.effectiveOn].sort().at(-1)!,
      note: "",
      createdBy: actor.id,
      createdAt: now,
      publishedBy: null,
      publishedAt: null,
    };
    await tx.insert(guideVersions).values(version);
    const texts = await tx.select().from(guideLevelTexts).where(eq(guideLevelTexts.versionId, latest.id));
    if (texts.length > 0) await tx.insert(guideLevelTexts).values(texts.map((t) => ({ ...t, versionId: id })));
    const steps = await tx.select().from(guideSteps).where(eq(guideSteps.versionId, latest.id));
    if (steps.length > 0) await tx.insert(guideSteps).values(steps.map((s) => ({ ...s, id: createId(), versionId: id })));
    await audit(tx, actor, version, "draft_created", [{ field: "copiedFrom", from: null, to: latest.number }]);
    return { id };
  });
}

/** One version for the editor: its fields (a draft is edited, a published version only read). */
export async function guideVersionForm(actor: Actor, versionId: string) {
  requireCapability(actor, "guide.edit");
  const { db } = await database();
  const version = await versionById(db, versionId);
  return {
    version: { id: version.id, number: version.number, state: version.state, effectiveOn: version.effectiveOn },
    values: await flatten(db, version),
    tomorrow: addDays(todayInOslo(), 1),
  };
}

/** Save a draft's fields: only what changed is written and audited (field, from, to). */
export async function saveDraft(actor: Actor, versionId: string, input: GuideDraftInput) {
  requireCapability(actor, "guide.edit");
  if (input.effectiveOn < addDays(todayInOslo(), 1)) throw fieldError("effectiveOn", "guide_effective_from_tomorrow");
  for (const level of btiLevels) {
    const nb = stepLinesOf(input[guideTextField("steps", level, "nb")]);
    for (const locale of locales) {
      if (stepLinesOf(input[guideTextField("steps", level, locale)]).length > nb.length) {
        throw fieldError(guideTextField("steps", level, locale), "guide_steps_without_bokmal");
      }
    }
  }
  const { transaction } = await database();
  await transaction(async (tx) => {
    const version = await versionById(tx, versionId);
    assertDraft(version);
    const before = await flatten(tx, version);
    const after: FlatGuide = {};
    for (const key of Object.keys(before)) {
      const value = (input as Record<string, string | number>)[key] ?? "";
      after[key] = key.startsWith("steps_") ? stepLinesOf(String(value)).join("\n") : value;
    }
    const changes = diff(before, after);
    if (changes.length === 0) return;
    const settings = {
      effectiveOn: input.effectiveOn,
      municipalityName: input.municipalityName,
      level0DecisionDays: input.level0DecisionDays,
      evaluationIntervalDays: input.evaluationIntervalDays,
      consentAge: input.consentAge,
      logRequiredFromLevel: input.logRequiredFromLevel,
      consentValidityMonths: input.consentValidityMonths,
      invitationResponseDays: input.invitationResponseDays,
      note: input.note,
    } satisfies Record<SettingField, string | number>;
    await tx.update(guideVersions).set(settings).where(eq(guideVersions.id, versionId));
    for (const level of btiLevels) {
      for (const locale of locales) {
        await tx
          .insert(guideLevelTexts)
          .values({
            versionId,
            level,
            locale,
            name: input[guideTextField("name", level, locale)],
            description: input[guideTextField("description", level, locale)],
          })
          .onConflictDoUpdate({
            target: [guideLevelTexts.versionId, guideLevelTexts.level, guideLevelTexts.locale],
            set: {
              name: input[guideTextField("name", level, locale)],
              description: input[guideTextField("description", level, locale)],
            },
          });
      }
    }
    // Steps of a draft are rewritten whole: no log is under a draft, so no tick points at them.
    if (changes.some((c) => c.field.startsWith("steps_"))) {
      await tx.delete(guideSteps).where(eq(guideSteps.versionId, versionId));
      for (const level of btiLevels) {
        const lines = Object.fromEntries(locales.map((l) => [l, stepLinesOf(input[guideTextField("steps", level, l)])])) as Record<
          Locale,
          string[]
        >;
        for (const [i, nb] of lines.nb.entries()) {
          const texts: Partial<Record<Locale, string>> = {};
          for (const l of locales) if (l === "nb" ? nb : lines[l][i]) texts[l] = l === "nb" ? nb : lines[l][i];
          await tx.insert(guideSteps).values({ id: createId(), versionId, level, position: i + 1, texts });
        }
      }
    }
    await audit(tx, actor, version, "changed", changes);
  });
}

/** "Forhåndsvis": the draft as a holder would see it, and how it differs from the version in effect. */
export async function previewVersion(actor: Actor, versionId: string, locale: Locale) {
  requireCapability(actor, "guide.edit");
  const { db } = await database();
  const version = await versionById(db, versionId);
  const inEffect = await guideInEffect(db);
  const levels = await levelTextsFor(db, version.id, locale);
  const steps = await stepsFor(db, version.id, locale);
  return {
    version: {
      id: version.id,
      number: version.number,
      state: version.state,
      effectiveOn: version.effectiveOn,
      municipalityName: version.municipalityName,
      level0DecisionDays: version.level0DecisionDays,
      evaluationIntervalDays: version.evaluationIntervalDays,
      consentAge: version.consentAge,
      logRequiredFromLevel: version.logRequiredFromLevel,
      consentValidityMonths: version.consentValidityMonths,
      invitationResponseDays: version.invitationResponseDays,
      note: version.note,
    },
    levels: levels.map((l) => ({ ...l, steps: steps.filter((s) => s.level === l.level).map((s) => ({ id: s.id, text: s.text })) })),
    against: { number: inEffect.number, effectiveOn: inEffect.effectiveOn },
    changes: inEffect.id === version.id ? [] : diff(await flatten(db, inEffect), await flatten(db, version)),
  };
}

/** "Publiser": the draft becomes immutable and takes effect on its date (from tomorrow on). */
export async function publishDraft(actor: Actor, versionId: string) {
  requireCapability(actor, "guide.edit");
  const { transaction } = await database();
  await transaction(async (tx) => {
    const version = await versionById(tx, versionId);
    assertDraft(version);
    if (version.effectiveOn < addDays(todayInOslo(), 1)) throw fieldError("effectiveOn", "guide_effective_from_tomorrow");
    const now = new Date();
    await tx
      .update(guideVersions)
      .set({ state: "published", publishedBy: actor.id, publishedAt: now })
      .where(and(eq(guideVersions.id, versionId), eq(guideVersions.state, "draft")));
    await audit(tx, actor, version, "published", [
      { field: "state", from: "draft", to: "published" },
      { field: "effectiveOn", from: null, to: version.effectiveOn },
    ]);
  });
}

/** A draft can be thrown away; a published version cannot. */
export async function deleteDraft(actor: Actor, versionId: string) {
  requireCapability(actor, "guide.edit");
  const { transaction } = await database();
  await transaction(async (tx) => {
    const version = await versionById(tx, versionId);
    assertDraft(version);
    await audit(tx, actor, version, "draft_deleted", []);
    await tx.delete(guideVersions).where(eq(guideVersions.id, versionId));
  });
}

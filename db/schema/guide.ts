import { sql } from "drizzle-orm";
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { guideAuditActions, guideVersionStates, type Locale } from "../../app/lib/enums";
import { users } from "./people";

/**
 * The municipality's local action guide (handlingsveileder) as versioned configuration
 * (docs/decisions/027-versioned-local-guide.md). A published version is never changed; a
 * log keeps the version in effect when it was created.
 */
export const guideVersions = sqliteTable(
  "guide_versions",
  {
    id: text("id").primaryKey(),
    number: integer("number").notNull(),
    state: text("state", { enum: guideVersionStates }).notNull(),
    /** The Oslo day from which the version applies (ISO date). */
    effectiveOn: text("effective_on").notNull(),
    municipalityName: text("municipality_name").notNull(),
    level0DecisionDays: integer("level0_decision_days").notNull(),
    evaluationIntervalDays: integer("evaluation_interval_days").notNull(),
    consentAge: integer("consent_age").notNull(),
    logRequiredFromLevel: integer("log_required_from_level").notNull(),
    consentValidityMonths: integer("consent_validity_months").notNull(),
    invitationResponseDays: integer("invitation_response_days").notNull(),
    /** What changed, in the coordinator's words (no personal data). */
    note: text("note").notNull().default(""),
    createdBy: text("created_by").references(() => users.id),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    publishedBy: text("published_by").references(() => users.id),
    publishedAt: integer("published_at", { mode: "timestamp_ms" }),
  },
  (t) => [
    uniqueIndex("guide_versions_number_idx").on(t.number),
    check("guide_version_state", sql`${t.state} in ('draft', 'published')`),
    check("guide_version_consent_age", sql`${t.consentAge} in (15, 16)`),
    check("guide_version_log_from_level", sql`${t.logRequiredFromLevel} in (1, 2)`),
  ],
);

/** A level's name and description in one version and one language (a new language is new rows). */
export const guideLevelTexts = sqliteTable(
  "guide_level_texts",
  {
    versionId: text("version_id")
      .notNull()
      .references(() => guideVersions.id, { onDelete: "cascade" }),
    level: integer("level").notNull(),
    locale: text("locale").notNull(),
    name: text("name").notNull(),
    description: text("description").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.versionId, t.level, t.locale] }),
    check("guide_level_text_range", sql`${t.level} between 0 and 3`),
  ],
);

/** One step of a level's checklist in one version; its text per language as JSON {nb, en}. */
export const guideSteps = sqliteTable(
  "guide_steps",
  {
    id: text("id").primaryKey(),
    versionId: text("version_id")
      .notNull()
      .references(() => guideVersions.id, { onDelete: "cascade" }),
    level: integer("level").notNull(),
    position: integer("position").notNull(),
    texts: text("texts", { mode: "json" }).$type<Partial<Record<Locale, string>>>().notNull(),
  },
  (t) => [
    index("guide_steps_version_idx").on(t.versionId, t.level, t.position),
    check("guide_step_level_range", sql`${t.level} between 0 and 3`),
  ],
);

export interface GuideChange {
  field: string;
  from: string | number | null;
  to: string | number | null;
}

/** Who changed the guide, when and what (field-level from/to). Nothing about children. */
export const guideAudit = sqliteTable(
  "guide_audit",
  {
    id: text("id").primaryKey(),
    /** Not a foreign key: a deleted draft's trail stays. */
    versionId: text("version_id").notNull(),
    versionNumber: integer("version_number").notNull(),
    actorId: text("actor_id")
      .notNull()
      .references(() => users.id),
    at: integer("at", { mode: "timestamp_ms" }).notNull(),
    action: text("action", { enum: guideAuditActions }).notNull(),
    changes: text("changes", { mode: "json" }).$type<GuideChange[]>().notNull(),
  },
  (t) => [index("guide_audit_at_idx").on(t.at)],
);

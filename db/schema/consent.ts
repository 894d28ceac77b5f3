import { relations, sql } from "drizzle-orm";
import { blob, check, index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import {
  consentDecisions,
  consentForms,
  consentScopes,
  consentStatuses,
  handoverStatuses,
  invitationStatuses,
} from "../../app/lib/enums";
import { guardians, logs } from "./logs";
import { services, users } from "./people";

/**
 * A consent (or a refusal) for one log, given to services, never to named people
 * (DESIGN.md rule 3). A change (widen, narrow, renew) is a new row that supersedes the old
 * one; a withdrawal ends it. Either way the old row stays, as history.
 */
export const consents = sqliteTable(
  "consents",
  {
    id: text("id").primaryKey(),
    logId: text("log_id")
      .notNull()
      .references(() => logs.id),
    scope: text("scope", { enum: consentScopes }).notNull(),
    decision: text("decision", { enum: consentDecisions }).notNull(),
    form: text("form", { enum: consentForms }).notNull(),
    /** Oral consent: a note of the conversation (required). */
    note: text("note"),
    purpose: text("purpose").notNull(),
    /** Categories of information the consent is limited to; null = not limited. */
    categories: text("categories", { mode: "json" }).$type<string[] | null>(),
    /** Given by the young person alone (from the action guide's consent age). */
    youngPerson: integer("young_person", { mode: "boolean" }).notNull().default(false),
    givenOn: text("given_on").notNull(),
    expiresOn: text("expires_on").notNull(),
    recordedBy: text("recorded_by")
      .notNull()
      .references(() => users.id),
    recordedAt: integer("recorded_at", { mode: "timestamp_ms" }).notNull(),
    status: text("status", { enum: consentStatuses }).notNull(),
    endedAt: integer("ended_at", { mode: "timestamp_ms" }),
    supersedesId: text("supersedes_id"),
  },
  (t) => [
    index("consents_log_idx").on(t.logId, t.status),
    check("consent_oral_note", sql`${t.form} <> 'oral' or ${t.note} is not null`),
  ],
);

/** The guardians who gave (or refused) the consent. */
export const consentGuardians = sqliteTable(
  "consent_guardians",
  {
    consentId: text("consent_id")
      .notNull()
      .references(() => consents.id),
    guardianId: text("guardian_id")
      .notNull()
      .references(() => guardians.id),
  },
  (t) => [primaryKey({ columns: [t.consentId, t.guardianId] })],
);

/** The services the consent covers. */
export const consentServices = sqliteTable(
  "consent_services",
  {
    consentId: text("consent_id")
      .notNull()
      .references(() => consents.id),
    serviceId: text("service_id")
      .notNull()
      .references(() => services.id),
  },
  (t) => [primaryKey({ columns: [t.consentId, t.serviceId] }), index("consent_services_service_idx").on(t.serviceId)],
);

/** An invitation to take part in a log: a closed loop of ask, answer and reason. */
export const logInvitations = sqliteTable(
  "log_invitations",
  {
    id: text("id").primaryKey(),
    logId: text("log_id")
      .notNull()
      .references(() => logs.id),
    inviteeId: text("invitee_id")
      .notNull()
      .references(() => users.id),
    serviceId: text("service_id")
      .notNull()
      .references(() => services.id),
    message: text("message").notNull(),
    respondBy: text("respond_by").notNull(),
    status: text("status", { enum: invitationStatuses }).notNull(),
    reason: text("reason"),
    invitedBy: text("invited_by")
      .notNull()
      .references(() => users.id),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    answeredAt: integer("answered_at", { mode: "timestamp_ms" }),
  },
  (t) => [
    index("log_invitations_invitee_idx").on(t.inviteeId, t.status),
    index("log_invitations_log_idx").on(t.logId),
    // A leader's overdue invitations to their services (home, /leder): service, status, deadline order.
    index("log_invitations_service_idx").on(t.serviceId, t.status, t.respondBy),
  ],
);

/** A proposal to move the relay; the old holder holds until the new one accepts. */
export const handovers = sqliteTable(
  "handovers",
  {
    id: text("id").primaryKey(),
    logId: text("log_id")
      .notNull()
      .references(() => logs.id),
    fromUserId: text("from_user_id")
      .notNull()
      .references(() => users.id),
    fromServiceId: text("from_service_id")
      .notNull()
      .references(() => services.id),
    toUserId: text("to_user_id")
      .notNull()
      .references(() => users.id),
    toServiceId: text("to_service_id")
      .notNull()
      .references(() => services.id),
    message: text("message").notNull(),
    status: text("status", { enum: handoverStatuses }).notNull(),
    reason: text("reason"),
    proposedAt: integer("proposed_at", { mode: "timestamp_ms" }).notNull(),
    answeredAt: integer("answered_at", { mode: "timestamp_ms" }),
  },
  (t) => [
    index("handovers_log_idx").on(t.logId, t.status),
    index("handovers_to_idx").on(t.toUserId, t.status),
    // The pending handovers (a handful of all) in proposal order, for the leader's overview.
    index("handovers_status_idx").on(t.status, t.proposedAt),
  ],
);

export const consentsRelations = relations(consents, ({ one, many }) => ({
  log: one(logs, { fields: [consents.logId], references: [logs.id] }),
  guardians: many(consentGuardians),
  services: many(consentServices),
}));

/**
 * The signed consent form (PDF or image, at most 10 MB, type checked by content), kept
 * in the database so a backup of one file holds everything.
 */
export const consentAttachments = sqliteTable("consent_attachments", {
  id: text("id").primaryKey(),
  consentId: text("consent_id")
    .notNull()
    .references(() => consents.id),
  mimeType: text("mime_type").notNull(),
  size: integer("size").notNull(),
  sha256: text("sha256").notNull(),
  data: blob("data", { mode: "buffer" }).notNull(),
  createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
}, (t) => [
  // The log page asks for a consent's attachment; without it every row (and its blob's page) is read.
  index("consent_attachments_consent_idx").on(t.consentId),
]);

import { relations, sql } from "drizzle-orm";
import { check, index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { accessKinds, closeReasons, eventTypes, guardianRelations, logKinds, logStates, responsibleKinds } from "../../app/lib/enums";
import { guideVersions } from "./guide";
import { services, users } from "./people";

/**
 * A child, as registered by a service for one log. Child records are never shared or
 * looked up across logs: registering a child must not reveal whether another service
 * already has a log about the same child (DESIGN.md, issue 3 item 1).
 */
export const children = sqliteTable("children", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  /** ISO date, YYYY-MM-DD. */
  birthDate: text("birth_date").notNull(),
  /** fødselsnummer or D-number, 11 digits, checked with both mod-11 digits. */
  nationalId: text("national_id"),
  /** The young person's own family account, once the holder has given them access. */
  userId: text("user_id").references(() => users.id),
  createdBy: text("created_by")
    .notNull()
    .references(() => users.id),
  createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
}, (t) => [
  // Partial: nearly every child has no account, and with the NULLs counted in the index's
  // statistics the planner expects each account to match all children and scans the table.
  index("children_user_idx").on(t.userId).where(sql`${t.userId} is not null`),
]);

/** The services the child attends (a school, an SFO, a kindergarten …). */
export const childServices = sqliteTable(
  "child_services",
  {
    childId: text("child_id")
      .notNull()
      .references(() => children.id),
    serviceId: text("service_id")
      .notNull()
      .references(() => services.id),
  },
  (t) => [primaryKey({ columns: [t.childId, t.serviceId] })],
);

export const guardians = sqliteTable(
  "guardians",
  {
    id: text("id").primaryKey(),
    childId: text("child_id")
      .notNull()
      .references(() => children.id),
    name: text("name").notNull(),
    relation: text("relation", { enum: guardianRelations }).notNull(),
    parentalResponsibility: integer("parental_responsibility", { mode: "boolean" }).notNull(),
    email: text("email"),
    phone: text("phone"),
    /** ISO date the guardian was told about the log. */
    toldOn: text("told_on"),
    /** The language the guardian reads and speaks best, as written (issue 11 point 6, issue 15). */
    language: text("language"),
    /** An interpreter is needed for meetings and conversations. */
    interpreterNeeded: integer("interpreter_needed", { mode: "boolean" }).notNull().default(false),
    /** The guardian's family account, once the holder has given them access. */
    userId: text("user_id").references(() => users.id),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("guardians_child_idx").on(t.childId), index("guardians_user_idx").on(t.userId)],
);

/**
 * A level-0 concern or a relay log. Exactly one holder (holder_id, in holder_service_id).
 * `level`, `state`, `next_evaluation_on` and `last_child_voice_on` are kept up to date in
 * the same transaction as the timeline event that changes them, so the home page can sort
 * millions of events' worth of logs by index.
 */
export const logs = sqliteTable(
  "logs",
  {
    id: text("id").primaryKey(),
    childId: text("child_id")
      .notNull()
      .references(() => children.id),
    kind: text("kind", { enum: logKinds }).notNull(),
    state: text("state", { enum: logStates }).notNull(),
    level: integer("level").notNull(),
    holderId: text("holder_id")
      .notNull()
      .references(() => users.id),
    holderServiceId: text("holder_service_id")
      .notNull()
      .references(() => services.id),
    /** Level 0 only: the employee chose to discuss the concern with their leader. */
    sharedWithLeader: integer("shared_with_leader", { mode: "boolean" }).notNull().default(false),
    /** Level 0 only: the date a decision is due (from the action guide). */
    decisionDueOn: text("decision_due_on"),
    nextEvaluationOn: text("next_evaluation_on"),
    lastChildVoiceOn: text("last_child_voice_on"),
    closeReason: text("close_reason", { enum: closeReasons }),
    closedAt: integer("closed_at", { mode: "timestamp_ms" }),
    /** The local guide version in effect when the log was created; it stays the log's (decision 027). */
    guideVersionId: text("guide_version_id").references(() => guideVersions.id),
    createdBy: text("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    check("log_level_range", sql`${t.level} between 0 and 3`),
    check("log_kind", sql`${t.kind} in ('concern', 'relay')`),
    check("log_state", sql`${t.state} in ('open', 'closed')`),
    index("logs_holder_idx").on(t.holderId, t.state),
    index("logs_service_idx").on(t.holderServiceId, t.state),
    index("logs_child_idx").on(t.childId),
  ],
);

/**
 * People from other services with access to a log. Filled by invitations (consent issue);
 * the need-to-know check already reads it.
 */
export const logParticipants = sqliteTable(
  "log_participants",
  {
    id: text("id").primaryKey(),
    logId: text("log_id")
      .notNull()
      .references(() => logs.id),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    serviceId: text("service_id")
      .notNull()
      .references(() => services.id),
    joinedAt: integer("joined_at", { mode: "timestamp_ms" }).notNull(),
    endedAt: integer("ended_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("participants_user_idx").on(t.userId, t.endedAt), index("participants_log_idx").on(t.logId)],
);

/**
 * The append-only timeline. A database trigger (migration 0003) refuses UPDATE and DELETE.
 * `occurred_on` is when it happened (may be earlier), `recorded_at` when it was written.
 * A correction is a new row whose `corrects_event_id` points at the corrected one.
 */
export const logEvents = sqliteTable(
  "log_events",
  {
    id: text("id").primaryKey(),
    logId: text("log_id")
      .notNull()
      .references(() => logs.id),
    seq: integer("seq").notNull(),
    type: text("type", { enum: eventTypes }).notNull(),
    authorId: text("author_id")
      .notNull()
      .references(() => users.id),
    authorServiceId: text("author_service_id").references(() => services.id),
    occurredOn: text("occurred_on").notNull(),
    recordedAt: integer("recorded_at", { mode: "timestamp_ms" }).notNull(),
    correctsEventId: text("corrects_event_id"),
    /** For events about another event (a later restriction): the event it is about. */
    aboutEventId: text("about_event_id"),
    /**
     * Not shown to the guardians, with the reason (e.g. a report of concern where telling
     * the family could harm the child). Null: the guardians may read it.
     */
    restrictedReason: text("restricted_reason"),
    /** Type-specific fields as JSON (see app/lib/timeline.ts). */
    data: text("data", { mode: "json" }).notNull(),
  },
  (t) => [
    index("events_log_seq_idx").on(t.logId, t.seq),
    index("events_log_type_idx").on(t.logId, t.type, t.seq),
    index("events_corrects_idx").on(t.correctsEventId),
    // Partial, for the same reason as children_user_idx: only restrictions point at an event,
    // and with the other rows' NULLs in its statistics the planner skip-scanned the whole
    // timeline index for every event of a log page instead.
    // With type and seq: "the first restriction of this event" is one seek, no sort.
    index("events_about_idx").on(t.aboutEventId, t.type, t.seq).where(sql`${t.aboutEventId} is not null`),
  ],
);

/** Current state of each action (tiltak); its history is the timeline. */
export const actions = sqliteTable(
  "actions",
  {
    id: text("id").primaryKey(),
    logId: text("log_id")
      .notNull()
      .references(() => logs.id),
    description: text("description").notNull(),
    goal: text("goal").notNull(),
    /** The responsible's name as written when chosen (a person's name, or the free text for "other"); empty for guardians and child. */
    responsible: text("responsible").notNull(),
    responsibleKind: text("responsible_kind", { enum: responsibleKinds }).notNull().default("other"),
    /** The staff member responsible, when the kind is "person". */
    responsibleUserId: text("responsible_user_id").references(() => users.id),
    startOn: text("start_on").notNull(),
    evaluateOn: text("evaluate_on").notNull(),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    endedAt: integer("ended_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("actions_log_idx").on(t.logId, t.active)],
);

/** Every read of a log: view, print, or appearing in a search result (DESIGN.md rule 9). */
export const accessLog = sqliteTable(
  "access_log",
  {
    id: text("id").primaryKey(),
    logId: text("log_id")
      .notNull()
      .references(() => logs.id),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    serviceId: text("service_id").references(() => services.id),
    kind: text("kind", { enum: accessKinds }).notNull(),
    at: integer("at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("access_log_log_idx").on(t.logId, t.at), index("access_log_user_idx").on(t.userId, t.at)],
);

export const logsRelations = relations(logs, ({ one, many }) => ({
  child: one(children, { fields: [logs.childId], references: [children.id] }),
  holder: one(users, { fields: [logs.holderId], references: [users.id] }),
  holderService: one(services, { fields: [logs.holderServiceId], references: [services.id] }),
  events: many(logEvents),
  actions: many(actions),
  participants: many(logParticipants),
}));

export const childrenRelations = relations(children, ({ many }) => ({
  guardians: many(guardians),
  services: many(childServices),
  logs: many(logs),
}));

export const guardiansRelations = relations(guardians, ({ one }) => ({
  child: one(children, { fields: [guardians.childId], references: [children.id] }),
}));

export const childServicesRelations = relations(childServices, ({ one }) => ({
  child: one(children, { fields: [childServices.childId], references: [children.id] }),
  service: one(services, { fields: [childServices.serviceId], references: [services.id] }),
}));

export const logEventsRelations = relations(logEvents, ({ one }) => ({
  log: one(logs, { fields: [logEvents.logId], references: [logs.id] }),
  author: one(users, { fields: [logEvents.authorId], references: [users.id] }),
}));

export const actionsRelations = relations(actions, ({ one }) => ({
  log: one(logs, { fields: [actions.logId], references: [logs.id] }),
}));

export const logParticipantsRelations = relations(logParticipants, ({ one }) => ({
  log: one(logs, { fields: [logParticipants.logId], references: [logs.id] }),
  user: one(users, { fields: [logParticipants.userId], references: [users.id] }),
}));

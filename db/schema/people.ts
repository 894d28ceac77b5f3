import { relations, sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { membershipRoles, userKinds } from "../../app/lib/enums";
import { serviceKinds } from "./reference";

/** A unit in the municipality: a school, a kindergarten, the health clinic, PPT, child welfare… */
export const services = sqliteTable(
  "services",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    kind: text("kind")
      .notNull()
      .references(() => serviceKinds.code),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    deactivatedAt: integer("deactivated_at", { mode: "timestamp_ms" }),
  },
  (t) => [uniqueIndex("services_name_unique").on(sql`lower(${t.name})`)],
);

/**
 * A person who signs in: a staff member, or a family member (a guardian or a young person;
 * `kind` = 'family', no password, no memberships — see docs/decisions/008-family-accounts.md).
 * Staff and family are separate accounts even when the e-mail address is the same.
 */
export const users = sqliteTable(
  "users",
  {
    id: text("id").primaryKey(),
    kind: text("kind", { enum: userKinds }).notNull().default("staff"),
    name: text("name").notNull(),
    /** Stored lower-cased; unique per kind. */
    email: text("email").notNull(),
    /** Family accounts: fødselsnummer/D-number, for sign-in through ID-porten (OIDC). */
    nationalId: text("national_id"),
    /** Argon2id PHC string; null until the invitation has been used. */
    passwordHash: text("password_hash"),
    isAdministrator: integer("is_administrator", { mode: "boolean" }).notNull().default(false),
    isCoordinator: integer("is_coordinator", { mode: "boolean" }).notNull().default(false),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    deactivatedAt: integer("deactivated_at", { mode: "timestamp_ms" }),
  },
  (t) => [
    uniqueIndex("users_kind_email_unique").on(t.kind, t.email),
    uniqueIndex("users_national_id_unique")
      .on(t.nationalId)
      .where(sql`${t.nationalId} is not null`),
    index("users_name_idx").on(t.name),
  ],
);

/**
 * User ↔ service, many to many, with the role in that service. Ending a membership sets
 * `ended_at`; rows are never deleted, so history stays.
 */
export const memberships = sqliteTable(
  "memberships",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    serviceId: text("service_id")
      .notNull()
      .references(() => services.id),
    role: text("role", { enum: membershipRoles }).notNull(),
    title: text("title"),
    startedAt: integer("started_at", { mode: "timestamp_ms" }).notNull(),
    endedAt: integer("ended_at", { mode: "timestamp_ms" }),
  },
  (t) => [
    check("membership_role", sql`${t.role} in ('employee', 'leader')`),
    // At most one current membership per person and service.
    uniqueIndex("memberships_current_unique")
      .on(t.userId, t.serviceId)
      .where(sql`${t.endedAt} is null`),
    index("memberships_service_idx").on(t.serviceId),
  ],
);

export const servicesRelations = relations(services, ({ many, one }) => ({
  memberships: many(memberships),
  serviceKind: one(serviceKinds, { fields: [services.kind], references: [serviceKinds.code] }),
}));

export const usersRelations = relations(users, ({ many }) => ({
  memberships: many(memberships),
}));

export const membershipsRelations = relations(memberships, ({ one }) => ({
  user: one(users, { fields: [memberships.userId], references: [users.id] }),
  service: one(services, { fields: [memberships.serviceId], references: [services.id] }),
}));

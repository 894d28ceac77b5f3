import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { logs } from "./logs";
import { services, users } from "./people";
import { serviceKinds } from "./reference";

/**
 * An anonymous consultation (anonym drøfting, DESIGN.md rule 4): a case discussed with
 * another service without anything that identifies the child. There is deliberately no
 * column for a name, a birth date, a national id or a guardian. It may be linked to a log;
 * the link is shown only to that log's readers.
 */
export const consultations = sqliteTable(
  "consultations",
  {
    id: text("id").primaryKey(),
    authorId: text("author_id")
      .notNull()
      .references(() => users.id),
    authorServiceId: text("author_service_id")
      .notNull()
      .references(() => services.id),
    /** The kind of service consulted (e.g. child welfare, PPT). */
    consultedKind: text("consulted_kind")
      .notNull()
      .references(() => serviceKinds.code),
    consultedServiceId: text("consulted_service_id").references(() => services.id),
    heldOn: text("held_on").notNull(),
    question: text("question").notNull(),
    advice: text("advice").notNull(),
    logId: text("log_id").references(() => logs.id),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("consultations_author_idx").on(t.authorId, t.heldOn), index("consultations_log_idx").on(t.logId)],
);

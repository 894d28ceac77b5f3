import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * Reference data every install needs. Rows come from the migration
 * `drizzle/0001_reference-data.sql`, not from the demo seed.
 */
export const serviceKinds = sqliteTable("service_kinds", {
  code: text("code").primaryKey(),
  sortOrder: integer("sort_order").notNull(),
  nameNb: text("name_nb").notNull(),
  nameEn: text("name_en").notNull(),
});

// The action guide (bti_levels, guide_settings) became versioned configuration: ./guide.ts.

/**
 * Closed value sets used by both database columns and zod schemas.
 * Pure data: safe to import from the client, the server and db/schema.
 */

/** Service kinds every install knows (names in nb/en live in the service_kinds table). */
export const serviceKindCodes = [
  "kindergarten",
  "school",
  "after_school",
  "health_clinic",
  "ppt",
  "child_welfare",
  "bup",
  "gp",
  "nav",
  "family_centre",
  "mental_health",
  "coordinating_unit",
  "other",
] as const;
export type ServiceKind = (typeof serviceKindCodes)[number];

/** A person's role inside one service. */
export const membershipRoles = ["employee", "leader"] as const;
export type MembershipRole = (typeof membershipRoles)[number];

/** The four BTI levels are fixed; their names and texts are configuration. */
export const btiLevels = [0, 1, 2, 3] as const;
export type BtiLevel = (typeof btiLevels)[number];

export const locales = ["nb", "en"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "nb";

import { z } from "zod";

/**
 * Every setting the server reads, validated once at boot. A malformed value stops the
 * process with a one-line message naming the setting (see app/server.ts). The demo needs
 * none of them.
 */
const booleanSetting = z
  .enum(["true", "false", "1", "0", "yes", "no"], { error: "expected true or false" })
  .transform((v) => v === "true" || v === "1" || v === "yes");

const positiveInt = (max: number) =>
  z
    .string()
    .regex(/^\d+$/, { error: "expected a whole number" })
    .transform(Number)
    .pipe(z.number().int().min(1, { error: "must be at least 1" }).max(max, { error: `must be at most ${max}` }));

const settingsSchema = z
  .object({
    PORT: positiveInt(65535).default(3000),
    HOST: z.string().min(1).default("0.0.0.0"),
    DATABASE_URL: z
      .string()
      .min(1, { error: "must not be empty" })
      .refine((v) => !/^[a-z][a-z0-9+.-]*:\/\//i.test(v) || v.startsWith("file:") || /^(libsql|https?|wss?):\/\//.test(v), {
        error: "expected a file path, a file: URL or a libsql:// URL",
      })
      .default("data/stafettlogg.db"),
    DATABASE_AUTH_TOKEN: z.string().optional(),
    SESSION_IDLE_MINUTES: positiveInt(24 * 60).default(30),
    SESSION_ABSOLUTE_HOURS: positiveInt(24 * 7).default(12),
    /** Seed the invented demo municipality into an empty database. */
    DEMO_DATA: booleanSetting.default(true),
    /** Production: the first administrator, created when the database has no users. */
    INITIAL_ADMIN_EMAIL: z.email({ error: "expected an e-mail address" }).optional(),
    INITIAL_ADMIN_NAME: z.string().min(1).max(200).default("Administrator"),
    /** Behind a reverse proxy: trust X-Forwarded-For / -Proto from it. */
    TRUST_PROXY: booleanSetting.default(false),
  });

export type Settings = z.output<typeof settingsSchema>;

export class SettingsError extends Error {
  constructor(readonly setting: string, readonly reason: string) {
    super(`Invalid setting ${setting}: ${reason}`);
    this.name = "SettingsError";
  }
}

/** Parse settings from an environment. Empty strings count as unset. */
export function parseSettings(env: Record<string, string | undefined>): Settings {
  const input: Record<string, string> = {};
  for (const key of Object.keys(settingsSchema.shape)) {
    const value = env[key];
    if (value !== undefined && value.trim() !== "") input[key] = value.trim();
  }
  const result = settingsSchema.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new SettingsError(String(issue.path[0] ?? "settings"), issue.message);
  }
  return result.data;
}

let cached: Settings | undefined;

/** The process's settings, parsed on first use. */
export function settings(): Settings {
  cached ??= parseSettings(process.env);
  return cached;
}

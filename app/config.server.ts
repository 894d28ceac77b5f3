import { z } from "zod";

/** The values of SQLite's `synchronous` the app accepts (decision 032). */
export const synchronousModes = ["normal", "full", "extra"] as const;
export type SynchronousMode = (typeof synchronousModes)[number];

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

/** An http(s) URL without query, fragment or credentials. */
const httpUrlSetting = z.string().refine(
  (v) => {
    try {
      const url = new URL(v);
      return (url.protocol === "http:" || url.protocol === "https:") && !url.search && !url.hash && !url.username && !url.password;
    } catch {
      return false;
    }
  },
  { error: "expected an http:// or https:// URL without query, fragment or credentials" },
);

/** An http(s) base URL; trailing slashes are dropped so `${base}/path` is always right. */
const baseUrlSetting = httpUrlSetting.transform((v) => v.replace(/\/+$/, ""));

/** The keys, without the rules that relate one key to another (parseSettings reads these). */
const settingsObject = z
  .object({
    PORT: positiveInt(65535).default(3000),
    HOST: z.string().min(1).default("0.0.0.0"),
    DATABASE_URL: z
      .string()
      .min(1, { error: "must not be empty" })
      // A libSQL server is on paper only (decisions 030, 032): the app embeds SQLite.
      .refine((v) => !/^[a-z][a-z0-9+.-]*:\/\//i.test(v) || v.startsWith("file:"), {
        error: "expected a file path or a file: URL",
      })
      .default("data/stafettlogg.db"),
    /** SQLite's `synchronous`: `full` keeps every commit through a power loss (decision 032). */
    DATABASE_SYNCHRONOUS: z.enum(synchronousModes).default("full"),
    SESSION_IDLE_MINUTES: positiveInt(24 * 60).default(30),
    SESSION_ABSOLUTE_HOURS: positiveInt(24 * 7).default(12),
    /** Guardians and young people, often on a shared phone: a shorter idle timeout. */
    FAMILY_SESSION_IDLE_MINUTES: positiveInt(24 * 60).default(15),
    /** Seed the invented demo municipality into an empty database. */
    DEMO_DATA: booleanSetting.default(true),
    /** Production: the first administrator, created when the database has no users. */
    INITIAL_ADMIN_EMAIL: z.email({ error: "expected an e-mail address" }).optional(),
    INITIAL_ADMIN_NAME: z.string().min(1).max(200).default("Administrator"),
    /** Behind a reverse proxy: trust X-Forwarded-For / -Proto from it. */
    TRUST_PROXY: booleanSetting.default(false),
    /**
     * Base URL for links in e-mails (and the OpenID Connect callback), never taken from a
     * request: required in production (DEMO_DATA=false); the demo uses http://localhost:PORT.
     */
    PUBLIC_URL: baseUrlSetting.optional(),
    /** "folder" writes each message as an .eml file into MAIL_FOLDER (the demo); "smtp" sends it. */
    MAIL_TRANSPORT: z.enum(["folder", "smtp"], { error: "expected folder or smtp" }).default("folder"),
    MAIL_FOLDER: z.string().min(1).default("data/mail"),
    MAIL_FROM: z.string().min(1, { error: "must not be empty" }).default("Stafettlogg <ikke-svar@stafettlogg.invalid>"),
    SMTP_HOST: z.string().min(1).optional(),
    SMTP_PORT: positiveInt(65535).default(587),
    /** Implicit TLS from the first byte (usually port 465). */
    SMTP_SECURE: booleanSetting.default(false),
    /** Refuse to send unless the server upgrades the connection with STARTTLS. */
    SMTP_REQUIRE_TLS: booleanSetting.default(true),
    SMTP_USER: z.string().min(1).optional(),
    SMTP_PASSWORD: z.string().min(1).optional(),
    /** Family sign-in through ID-porten or another OpenID Connect provider; unset = off. Kept as typed: it is the issuer's identifier. */
    OIDC_ISSUER: httpUrlSetting.optional(),
    OIDC_CLIENT_ID: z.string().min(1).optional(),
    OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    /** The name on the sign-in button. */
    OIDC_LABEL: z.string().min(1).max(100).default("ID-porten"),
    OIDC_SCOPE: z.string().min(1).default("openid profile"),
    /** The claim that carries the national id number (ID-porten: pid). */
    OIDC_NATIONAL_ID_CLAIM: z.string().min(1).default("pid"),
    /** Default: PUBLIC_URL (or the request's origin) + /family/oidc/callback. */
    OIDC_REDIRECT_URL: baseUrlSetting.optional(),
    /**
     * Run the scheduler (reminders, then the outbox) in this process, on JOBS_SCHEDULE. Safe
     * in several processes at once: a lease lets one tick run at a time (decision 019).
     */
    SCHEDULER: booleanSetting.default(true),
    /**
     * Server processes that share the port (Node's cluster; decision 032). Unset: one per
     * core. 1: no cluster, the scheduler runs beside the requests in the one process.
     */
    WORKERS: positiveInt(64).optional(),
    /** A cron pattern (croner syntax, Europe/Oslo). Default: every minute. */
    JOBS_SCHEDULE: z.string().min(1).default("* * * * *"),
    /**
     * How old the coordinator's figures may get before the scheduler computes them again
     * (and always at a new day); the dashboard says when they were computed (decision 028).
     */
    STATISTICS_REFRESH_MINUTES: positiveInt(24 * 60).default(15),
  });

const settingsSchema = settingsObject
  .superRefine((s, ctx) => {
    if (!s.DEMO_DATA && !s.PUBLIC_URL) {
      ctx.addIssue({ code: "custom", path: ["PUBLIC_URL"], message: "required when DEMO_DATA=false (the address links in e-mails point to)" });
    }
    if (s.OIDC_ISSUER && !s.OIDC_CLIENT_ID) {
      ctx.addIssue({ code: "custom", path: ["OIDC_CLIENT_ID"], message: "required when OIDC_ISSUER is set" });
    }
    if (s.OIDC_ISSUER && !s.OIDC_CLIENT_SECRET) {
      ctx.addIssue({ code: "custom", path: ["OIDC_CLIENT_SECRET"], message: "required when OIDC_ISSUER is set" });
    }
    if (s.OIDC_ISSUER && !/\bopenid\b/.test(s.OIDC_SCOPE)) {
      ctx.addIssue({ code: "custom", path: ["OIDC_SCOPE"], message: "must include openid" });
    }
    if (s.MAIL_TRANSPORT === "smtp" && !s.SMTP_HOST) {
      ctx.addIssue({ code: "custom", path: ["SMTP_HOST"], message: "required when MAIL_TRANSPORT=smtp" });
    }
    if (s.SMTP_USER && !s.SMTP_PASSWORD) {
      ctx.addIssue({ code: "custom", path: ["SMTP_PASSWORD"], message: "required when SMTP_USER is set" });
    }
    if (s.SMTP_PASSWORD && !s.SMTP_USER) {
      ctx.addIssue({ code: "custom", path: ["SMTP_USER"], message: "required when SMTP_PASSWORD is set" });
    }
  })
  // The demo's own address; production has refused to start above without PUBLIC_URL.
  .transform((s) => ({ ...s, PUBLIC_URL: s.PUBLIC_URL ?? `http://localhost:${s.PORT}` }));

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
  for (const key of Object.keys(settingsObject.shape)) {
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
/**
 * For a program's start (the server, `npm run jobs`): the settings, or a one-line message
 * naming the bad setting and exit code 1.
 */
export function settingsOrExit(env: Record<string, string | undefined>): Settings {
  try {
    return parseSettings(env);
  } catch (error) {
    if (error instanceof SettingsError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

export function settings(): Settings {
  cached ??= parseSettings(process.env);
  return cached;
}

/** Tests that change process.env between cases read the settings again. */
export function resetSettingsForTests() {
  cached = undefined;
}

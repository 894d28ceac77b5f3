/**
 * The production server: settings, database preparation, security headers, cross-site
 * refusal, static files and the Remix request handler. Built by esbuild into
 * build/server.js (see package.json "build:server").
 */
import cluster, { type Worker } from "node:cluster";
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { Server as NetServer } from "node:net";
import { availableParallelism } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import type { Cron } from "croner";
import express, { type NextFunction, type Request, type Response } from "express";
import { closeDatabase, openDatabase } from "../db/client.server";
import { withRequestMemo } from "../db/request-memo.server";
import { settingsOrExit, type Settings } from "./config.server";
import { isCrossSiteRequest, requestHost } from "./domain/auth/csrf.server";
import { startScheduler } from "./domain/jobs/scheduler.server";
import { deliveriesSettled } from "./domain/mail/outbox.server";
import { boot, type BootOutcome } from "./domain/system/boot.server";
import { en } from "./i18n/en";
import { nb } from "./i18n/nb";
import { guardActionBodies } from "./route-helpers/request-body.server";

function contentSecurityPolicy(nonce: string) {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "object-src 'none'",
  ].join("; ");
}

function isLocalHost(hostname: string) {
  return hostname === "localhost" || hostname === "127.0.0.1" || hostname === "::1" || hostname.endsWith(".localhost");
}

export function securityHeaders(req: Request, res: Response, next: NextFunction) {
  const nonce = randomBytes(16).toString("base64");
  res.locals.cspNonce = nonce;
  res.setHeader("Content-Security-Policy", contentSecurityPolicy(nonce));
  res.setHeader("X-Content-Type-Options", "nosniff");
  // Strict: nothing leaves the site; same-origin requests keep Referer and a real Origin.
  res.setHeader("Referrer-Policy", "same-origin");
  res.setHeader("X-Frame-Options", "DENY");
  res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
  res.setHeader("Cross-Origin-Resource-Policy", "same-origin");
  res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()");
  if (req.secure && !isLocalHost(req.hostname)) {
    res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  }
  // Pages hold sensitive data: never stored by browsers or proxies. Static assets override this.
  res.setHeader("Cache-Control", "no-store");
  next();
}

/** A page in both languages for answers given before Remix (no scripts, no styles). */
function plainPage(texts: { nb: [string, string]; en: [string, string] }) {
  const [nbTitle, nbBody] = texts.nb;
  const [enTitle, enBody] = texts.en;
  return `<!DOCTYPE html><html lang="nb"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${nbTitle}</title></head><body><main><h1>${nbTitle}</h1><p>${nbBody}</p><h2 lang="en">${enTitle}</h2><p lang="en">${enBody}</p><p><a href="/">Stafettlogg</a></p></main></body></html>\n`;
}

export function refuseCrossSite(req: Request, res: Response, next: NextFunction) {
  const headers = new Headers();
  for (const name of ["sec-fetch-site", "origin", "host", "x-forwarded-host"]) {
    const value = req.get(name);
    if (value) headers.set(name, value);
  }
  // The host Remix compares the Origin with (its own check would abort with a 500).
  const origin = `${req.protocol}://${requestHost(headers) ?? ""}`;
  if (isCrossSiteRequest(req.method, headers, origin)) {
    res
      .status(403)
      .type("text/html; charset=utf-8")
      .send(plainPage({ nb: [nb.pages.forbiddenTitle, nb.pages.crossSite], en: [en.pages.forbiddenTitle, en.pages.crossSite] }));
    return;
  }
  // Accepted on fetch metadata: an opaque "Origin: null" says nothing more, and Remix's
  // host comparison would refuse it with an error.
  if (req.get("origin") === "null") delete req.headers.origin;
  next();
}

/** The methods the app answers; forms only ever POST. */
const ALLOWED_METHODS = ["GET", "HEAD", "POST"];

/**
 * TRACE, PUT, DELETE and the rest are answered 405 here, before Remix (whose Request
 * cannot even be built for TRACE): a short page, nothing logged.
 */
export function refuseOtherMethods(req: Request, res: Response, next: NextFunction) {
  if (ALLOWED_METHODS.includes(req.method)) {
    next();
    return;
  }
  res
    .status(405)
    .set("Allow", ALLOWED_METHODS.join(", "))
    .type("text/html; charset=utf-8")
    .send(
      plainPage({
        nb: [nb.pages.methodNotAllowedTitle, nb.pages.methodNotAllowedBody],
        en: [en.pages.methodNotAllowedTitle, en.pages.methodNotAllowedBody],
      }),
    );
}

/** The last resort: an error that escaped Remix becomes a plain 500 page without details. */
export function lastErrorHandler(error: unknown, _req: Request, res: Response, next: NextFunction) {
  if (res.headersSent) {
    next(error);
    return;
  }
  console.error(`Request failed: ${error instanceof Error ? error.name : "unknown error"}`);
  res
    .status(500)
    .type("text/html; charset=utf-8")
    .send(plainPage({ nb: [nb.pages.errorTitle, nb.pages.errorBody], en: [en.pages.errorTitle, en.pages.errorBody] }));
}

export async function createApp(settings: Settings, build: ServerBuild) {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", settings.TRUST_PROXY);
  app.use(securityHeaders);
  app.use(refuseOtherMethods);
  app.use(compression());
  app.use(
    "/build",
    express.static("public/build", {
      immutable: true,
      maxAge: "1y",
      setHeaders: (res) => res.setHeader("Cache-Control", "public, max-age=31536000, immutable"),
    }),
  );
  app.use(
    express.static("public", {
      setHeaders: (res) => res.setHeader("Cache-Control", "public, max-age=3600"),
    }),
  );
  app.use(refuseCrossSite);
  // What one request reads twice is read once (db/request-memo.server.ts).
  app.use((_req, _res, next) => withRequestMemo(next));
  app.all(
    "*",
    createRequestHandler({
      // Every action's body is checked before the action runs (decision 011).
      build: guardActionBodies(build),
      mode: process.env.NODE_ENV === "development" ? "development" : "production",
      getLoadContext: (req, res) => ({
        cspNonce: String(res.locals.cspNonce ?? ""),
        clientAddress: req.ip ?? "unknown",
      }),
    }),
  );
  app.use(lastErrorHandler);
  return app;
}

/** How long requests in flight get to finish once a stop is asked for (decision 029). */
const SHUTDOWN_GRACE_MS = 10_000;
/**
 * A connection with no request under way is closed only after this long: a request the
 * client has sent but the server has not read yet looks idle, and closing it would reset it.
 */
const SHUTDOWN_SETTLE_MS = 500;

/**
 * A clean stop (SIGTERM, SIGINT; decision 029): stop listening, answer the requests in
 * flight (and any that arrive on open connections, with "Connection: close"), close idle
 * keep-alive connections after a short settle and every connection after the grace period,
 * stop the scheduler and wait for a running tick, let mail being sent finish, then fold
 * the WAL into the database file and close it.
 */
async function drainRequests(server: Server, graceMs: number) {
  // Whatever is answered from now on closes its connection afterwards.
  server.prependListener("request", (_req: IncomingMessage, res: ServerResponse) => {
    if (!res.headersSent) res.setHeader("Connection", "close");
  });
  // Connections the kernel has completed but Node not yet accepted would be reset when the
  // listening socket closes: give the event loop a few turns to accept them first.
  for (let turn = 0; turn < 5; turn++) await new Promise((r) => setTimeout(r, 10));
  // net's close, not http's: http's also drops idle connections at once (see SHUTDOWN_SETTLE_MS).
  const closed = new Promise<void>((done) => NetServer.prototype.close.call(server, () => done()));
  // From a timer, close idle connections only after the next poll phase: a request that
  // arrived while the event loop was busy is read (and its connection no longer idle) first.
  const closeIdle = () => setImmediate(() => server.closeIdleConnections());
  let idle: NodeJS.Timeout | undefined;
  const settle = setTimeout(() => {
    closeIdle();
    idle = setInterval(closeIdle, 50);
  }, SHUTDOWN_SETTLE_MS);
  const deadline = setTimeout(() => {
    console.log("Stopping: closing connections still open after the grace period.");
    server.closeAllConnections();
  }, graceMs);
  await closed;
  clearTimeout(settle);
  clearInterval(idle);
  clearTimeout(deadline);
}

/** Stop the scheduler and wait for a running tick and for mail being sent. */
async function stopScheduler(scheduler: Cron | null, graceMs: number) {
  scheduler?.stop();
  for (const end = Date.now() + graceMs; scheduler?.isBusy() && Date.now() < end; ) {
    await new Promise((r) => setTimeout(r, 50));
  }
  // Mail being sent finishes first; what is left stays in the outbox for the next start.
  await deliveriesSettled();
}

/** Close the process's database, then fold the WAL into the file (nobody else has it open). */
async function closeAndFold(settings: Settings) {
  await closeDatabase();
  const handle = await openDatabase(settings.DATABASE_URL);
  const [result] = handle.sqlite.pragma("wal_checkpoint(TRUNCATE)") as { busy: number }[];
  handle.close();
  if ((result?.busy ?? 0) !== 0) console.error("Stopping: the WAL could not be folded into the database (busy).");
}

/**
 * A clean stop of a single process (SIGTERM, SIGINT; decision 029): stop listening, answer
 * the requests in flight (and any that arrive on open connections, with "Connection:
 * close"), close idle keep-alive connections after a short settle and every connection
 * after the grace period, stop the scheduler and wait for a running tick, let mail being
 * sent finish, then fold the WAL into the database file and close it.
 */
export async function shutDown(server: Server, scheduler: Cron | null, settings: Settings, graceMs = SHUTDOWN_GRACE_MS) {
  console.log("Stopping: finishing the requests in flight.");
  scheduler?.stop();
  await drainRequests(server, graceMs);
  await stopScheduler(scheduler, graceMs);
  await closeAndFold(settings);
  console.log("Stopped.");
}

function printStarted(settings: Settings, outcome: BootOutcome) {
  const base = `http://localhost:${settings.PORT}`;
  console.log(`Stafettlogg is running at ${base}`);
  switch (outcome.kind) {
    case "demo-seeded":
      console.log(`Demo data for "Eksempel kommune" has been created.`);
      break;
    case "first-admin":
      // The link is meant to be passed on: it points to the public address.
      console.log(`First administrator created. Set the password here (single use, 72 h): ${settings.PUBLIC_URL}${outcome.accountInvitationPath}`);
      break;
    case "no-users":
      console.log("The database has no users: set INITIAL_ADMIN_EMAIL (or DEMO_DATA=true) and restart.");
      break;
    default:
      break;
  }
  console.log(`Families sign in at ${base}/family/login`);
  console.log(`Sign in at ${base}/login`);
}

async function listen(settings: Settings): Promise<Server> {
  const build = (await import(pathToFileURL(path.resolve("build/index.js")).href)) as ServerBuild;
  const app = await createApp(settings, build);
  const server = createServer(app);
  await new Promise<void>((done, fail) => {
    server.once("error", fail);
    server.listen(settings.PORT, settings.HOST, () => done());
  });
  return server;
}

function onStopSignal(stop: () => Promise<void>) {
  let stopping = false;
  const handler = () => {
    if (stopping) return;
    stopping = true;
    void stop().then(
      () => process.exit(0),
      (error) => {
        console.error(`Stopping failed: ${error instanceof Error ? error.name : "unknown error"}`);
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", handler);
  process.on("SIGINT", handler);
}

/** One process: requests and the scheduler side by side (WORKERS=1). */
async function single(settings: Settings, outcome: BootOutcome) {
  const server = await listen(settings);
  printStarted(settings, outcome);
  // Reminders and the outbox (decision 019); the first tick runs at once.
  const scheduler = startScheduler(settings);
  scheduler?.trigger();
  onStopSignal(() => shutDown(server, scheduler, settings));
}

/** A worker of the cluster: requests only. Its database stays open to the others. */
async function worker(settings: Settings) {
  const server = await listen(settings);
  process.send?.({ type: "listening" });
  // Without the primary there is nobody to stop or replace this process: go.
  process.on("disconnect", () => process.exit(1));
  onStopSignal(async () => {
    await drainRequests(server, SHUTDOWN_GRACE_MS);
    await deliveriesSettled();
    await closeDatabase();
  });
}

/** Workers that die on their own are replaced, unless they keep dying at start. */
const RESTARTS_PER_MINUTE = 10;

/**
 * The primary of the cluster (decision 032): prepares the database, starts one worker per
 * core on the shared port, runs the scheduler (exactly one in the cluster), replaces a
 * worker that dies, and on SIGTERM stops the workers (each finishes its requests), then the
 * scheduler, and folds the WAL.
 */
async function primary(settings: Settings, outcome: BootOutcome, count: number) {
  let stopping = false;
  const restarts: number[] = [];
  const fork = () => {
    const child = cluster.fork();
    child.on("exit", (code, signal) => {
      if (stopping) return;
      const now = Date.now();
      restarts.push(now);
      while (restarts[0]! < now - 60_000) restarts.shift();
      if (restarts.length > RESTARTS_PER_MINUTE) {
        console.error("Workers keep stopping: giving up.");
        process.exit(1);
      }
      console.error(`A server process stopped (${signal ?? `exit code ${code}`}); starting a new one.`);
      fork();
    });
    return child;
  };
  const workers: Worker[] = [];
  await Promise.all(
    Array.from({ length: count }, () => {
      const child = fork();
      workers.push(child);
      return new Promise<void>((done, fail) => {
        child.on("message", (message: { type?: string }) => message?.type === "listening" && done());
        child.once("exit", (code) => fail(new Error(`a server process exited with ${code} while starting`)));
      });
    }),
  );
  printStarted(settings, outcome);
  const scheduler = startScheduler(settings);
  scheduler?.trigger();
  onStopSignal(async () => {
    stopping = true;
    console.log("Stopping: finishing the requests in flight.");
    scheduler?.stop();
    const alive = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w && !w.isDead());
    await Promise.all(
      alive.map(
        (w) =>
          new Promise<void>((done) => {
            const force = setTimeout(() => w.process.kill("SIGKILL"), SHUTDOWN_GRACE_MS + 5000);
            w.once("exit", () => {
              clearTimeout(force);
              done();
            });
            w.process.kill("SIGTERM");
          }),
      ),
    );
    await stopScheduler(scheduler, SHUTDOWN_GRACE_MS);
    await closeAndFold(settings);
    console.log("Stopped.");
  });
}

async function main() {
  const settings = settingsOrExit(process.env);
  process.env.NODE_ENV ??= "production";
  // The Remix build reads the same validated environment.
  process.env.DATABASE_URL = settings.DATABASE_URL;
  if (cluster.isWorker) return worker(settings);
  const outcome = await boot(settings);
  const count = settings.WORKERS ?? availableParallelism();
  if (count <= 1) return single(settings, outcome);
  return primary(settings, outcome, count);
}

if (process.env.STAFETTLOGG_NO_MAIN !== "1") {
  main().catch((error) => {
    console.error(`Stafettlogg could not start: ${error instanceof Error ? error.message : "unknown error"}`);
    process.exit(1);
  });
}

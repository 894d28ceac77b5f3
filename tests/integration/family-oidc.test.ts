import { count, eq } from "drizzle-orm";
import { randomNonce } from "openid-client";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi, type MockInstance } from "vitest";
import { database } from "../../db/client.server";
import { guardians, logs, sessions, users } from "../../db/schema";
import { resetSettingsForTests } from "../../app/config.server";
import { validateSessionToken } from "../../app/domain/auth/session.server";
import { oidcSettings } from "../../app/domain/family/oidc.server";
import { createId } from "../../app/lib/ids";
import { syntheticNationalId } from "../../app/lib/national-id";
import * as callback from "../../app/routes/family.oidc.callback";
import * as start from "../../app/routes/family.oidc.start";
import { makeSchoolCast, makeRelayLog } from "../support/log-factories";
import { startOidcProvider, type RunningOidcProvider } from "../support/oidc-provider";
import { BASE, callAction, callLoader, type Outcome } from "../support/requests";

/**
 * Family sign-in through OpenID Connect against a real provider (oidc-provider on
 * 127.0.0.1, see tests/support/oidc-provider.ts) standing in for ID-porten: the route
 * modules get real Requests, openid-client talks real HTTP to the provider.
 */
const OIDC_KEYS = ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET", "OIDC_LABEL", "OIDC_REDIRECT_URL"] as const;
const CALLBACK = `${BASE}/family/oidc/callback`;
const GUARDIAN_PID = syntheticNationalId("1984-05-17");
const STRANGER_PID = syntheticNationalId("1979-11-02");

let provider: RunningOidcProvider;
let familyUserId: string;
let warn: MockInstance<typeof console.warn>;

function useSettings(env: Partial<Record<(typeof OIDC_KEYS)[number], string>>) {
  for (const key of OIDC_KEYS) delete process.env[key];
  Object.assign(process.env, env);
  resetSettingsForTests();
}

beforeAll(async () => {
  provider = await startOidcProvider({
    accounts: { guardian: { pid: GUARDIAN_PID, name: "Foresatt Testesen" }, stranger: { pid: STRANGER_PID } },
    redirectUris: [CALLBACK],
  });
  useSettings({ OIDC_ISSUER: provider.issuer, OIDC_CLIENT_ID: provider.clientId, OIDC_CLIENT_SECRET: provider.clientSecret });
});

beforeEach(async () => {
  // A guardian with parental responsibility on a relay log, with a family account that
  // knows their national id (as giveFamilyAccess leaves it).
  const cast = await makeSchoolCast();
  const { logId } = await makeRelayLog(cast.actors.teacher, cast.school.id);
  const { db, transaction } = await database();
  const log = (await db.select({ childId: logs.childId }).from(logs).where(eq(logs.id, logId)).get())!;
  familyUserId = createId();
  await transaction(async (tx) => {
    await tx.insert(users).values({
      id: familyUserId,
      kind: "family",
      name: "Foresatt Testesen",
      email: `foresatt-${familyUserId}@example.invalid`,
      nationalId: GUARDIAN_PID,
      createdAt: new Date(),
    });
    await tx.update(guardians).set({ userId: familyUserId }).where(eq(guardians.childId, log.childId));
  });
});

afterAll(async () => {
  useSettings({});
  await provider?.close();
});

beforeEach(() => {
  // Refusals log one line for the operator; it must never carry the person or a secret.
  warn = vi.spyOn(console, "warn").mockImplementation(() => {});
  return () => warn.mockRestore();
});

function setCookies(outcome: Outcome) {
  return outcome.headers.getSetCookie();
}

/** POST /family/oidc/start: the provider's URL and this flow's pending cookie value. */
async function startFlow() {
  const outcome = await callAction(start.action, "/family/oidc/start");
  expect(outcome.status).toBe(302);
  const cookie = setCookies(outcome).find((c) => c.startsWith("stafettlogg_oidc="));
  expect(cookie).toBeDefined();
  const pending = decodeURIComponent(cookie!.split(";")[0]!.slice("stafettlogg_oidc=".length));
  return { authorizationUrl: outcome.location!, cookie: cookie!, pending };
}

function finish(callbackUrl: string, pending?: string) {
  return callLoader(callback.loader, callbackUrl, pending === undefined ? {} : { cookie: `stafettlogg_oidc=${encodeURIComponent(pending)}` });
}

async function sessionCount() {
  const { db } = await database();
  return (await db.select({ n: count() }).from(sessions).get())!.n;
}

function expectRefused(outcome: Outcome, reason: "unknown" | "failed") {
  expect(outcome.status).toBe(302);
  expect(outcome.location).toBe(`/family/login?oidc=${reason}`);
  const cookies = setCookies(outcome);
  expect(cookies.some((c) => c.startsWith("stafettlogg_session="))).toBe(false);
  // The pending cookie is spent whatever happened.
  expect(cookies).toContainEqual(expect.stringMatching(/^stafettlogg_oidc=; Path=\/family\/oidc; .*Max-Age=0/));
}

function expectNothingPersonalLogged(...secrets: string[]) {
  const logged = warn.mock.calls.map((args) => args.map(String).join(" ")).join("\n");
  for (const secret of [GUARDIAN_PID, STRANGER_PID, ...secrets]) expect(logged).not.toContain(secret);
}

describe("family sign-in through OpenID Connect", () => {
  it("offers the provider under its label when configured", () => {
    expect(oidcSettings()).toEqual({ label: "ID-porten" });
  });

  it("sends the browser to the provider with PKCE, state and nonce, remembered in a short cookie", async () => {
    const { authorizationUrl, cookie, pending } = await startFlow();
    const url = new URL(authorizationUrl);
    expect(url.origin).toBe(provider.issuer);
    const params = url.searchParams;
    expect(params.get("client_id")).toBe(provider.clientId);
    expect(params.get("redirect_uri")).toBe(CALLBACK);
    expect(params.get("response_type")).toBe("code");
    expect(params.get("scope")).toBe("openid profile");
    expect(params.get("code_challenge_method")).toBe("S256");
    const [state, nonce, verifier] = pending.split(".");
    expect(params.get("state")).toBe(state);
    expect(params.get("nonce")).toBe(nonce);
    expect(params.get("code_challenge")).toMatch(/^[\w-]{43}$/);
    expect(authorizationUrl).not.toContain(verifier);
    expect(cookie).toMatch(/; Path=\/family\/oidc; HttpOnly; SameSite=Lax; Max-Age=600$/);
  });

  it("signs the right person in with a family session and sends them to /family", async () => {
    const flow = await startFlow();
    const callbackUrl = await provider.login(flow.authorizationUrl, "guardian");
    expect(callbackUrl.startsWith(`${CALLBACK}?`)).toBe(true);

    const outcome = await finish(callbackUrl, flow.pending);
    expect(outcome.status).toBe(302);
    expect(outcome.location).toBe("/family");
    const cookies = setCookies(outcome);
    expect(cookies).toContainEqual(expect.stringMatching(/^stafettlogg_oidc=; Path=\/family\/oidc; .*Max-Age=0/));
    const sessionCookie = cookies.find((c) => c.startsWith("stafettlogg_session="));
    expect(sessionCookie).toMatch(/; HttpOnly; SameSite=Lax/);
    const token = decodeURIComponent(sessionCookie!.split(";")[0]!.slice("stafettlogg_session=".length));

    const session = await validateSessionToken(token);
    expect(session).toMatchObject({ userId: familyUserId, kind: "family" });
    expectNothingPersonalLogged(token);
  });

  it("refuses a person the provider knows but who has no family account, and opens no session", async () => {
    const before = await sessionCount();
    const flow = await startFlow();
    const outcome = await finish(await provider.login(flow.authorizationUrl, "stranger"), flow.pending);
    expectRefused(outcome, "unknown");
    expect(await sessionCount()).toBe(before);
    expectNothingPersonalLogged();
  });

  it("refuses an answer whose state was changed", async () => {
    const before = await sessionCount();
    const flow = await startFlow();
    const callbackUrl = new URL(await provider.login(flow.authorizationUrl, "guardian"));
    callbackUrl.searchParams.set("state", randomNonce());
    expectRefused(await finish(callbackUrl.href, flow.pending), "failed");
    expect(await sessionCount()).toBe(before);
    expect(warn.mock.calls.flat().join("\n")).toMatch(/\[oidc\] family sign-in failed: .*OAUTH_INVALID_RESPONSE/);
  });

  it("refuses an answer brought back with another flow's cookie, or with none, before the code is spent", async () => {
    const before = await sessionCount();
    const flowA = await startFlow();
    const flowB = await startFlow();
    const callbackA = await provider.login(flowA.authorizationUrl, "guardian");

    expectRefused(await finish(callbackA, flowB.pending), "failed");
    expectRefused(await finish(callbackA), "failed");
    expectRefused(await finish(callbackA, "not-a-pending-value"), "failed");
    expect(await sessionCount()).toBe(before);
    expectNothingPersonalLogged(flowA.pending, flowB.pending);

    // The state check came first: the code itself was still good for its own browser.
    const outcome = await finish(callbackA, flowA.pending);
    expect(outcome.location).toBe("/family");
    expect(await sessionCount()).toBe(before + 1);
  });

  it("refuses an ID token whose nonce is not the one this browser's flow sent", async () => {
    const before = await sessionCount();
    const flow = await startFlow();
    const callbackUrl = await provider.login(flow.authorizationUrl, "guardian");
    // Same state and PKCE verifier (so the code exchange itself succeeds), another nonce.
    const [state, nonce, verifier] = flow.pending.split(".") as [string, string, string];
    const otherNonce = randomNonce();
    expect(otherNonce).not.toBe(nonce);

    expectRefused(await finish(callbackUrl, `${state}.${otherNonce}.${verifier}`), "failed");
    expect(await sessionCount()).toBe(before);
    const logged = warn.mock.calls.map((args) => args.map(String).join(" ")).join("\n");
    expect(logged).toMatch(/\[oidc\] family sign-in failed: .*OAUTH_JWT_CLAIM_COMPARISON_FAILED/);
    expectNothingPersonalLogged(state, nonce, otherNonce, verifier);
  });
});

describe("without OIDC_ISSUER", () => {
  beforeAll(() => useSettings({}));
  afterAll(() =>
    useSettings({ OIDC_ISSUER: provider.issuer, OIDC_CLIENT_ID: provider.clientId, OIDC_CLIENT_SECRET: provider.clientSecret }),
  );

  it("offers no OIDC sign-in and /family/oidc/start is not found", async () => {
    expect(oidcSettings()).toBeNull();
    const outcome = await callAction(start.action, "/family/oidc/start");
    expect(outcome.status).toBe(404);
    expect(setCookies(outcome)).toEqual([]);
  });

  it("sends a stray callback to the login page without a session", async () => {
    const outcome = await callLoader(callback.loader, `${CALLBACK}?code=x&state=y`);
    expect(outcome.location).toBe("/family/login");
    expect(setCookies(outcome)).toEqual([]);
  });
});

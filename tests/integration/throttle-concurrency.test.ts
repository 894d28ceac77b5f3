import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { database } from "../../db/client.server";
import { loginThrottle, signInCodes, users } from "../../db/schema";
import { resetSettingsForTests } from "../../app/config.server";
import { throttleKeys } from "../../app/domain/auth/throttle.server";
import { createId } from "../../app/lib/ids";
import * as codePage from "../../app/routes/family.code";
import * as familyLogin from "../../app/routes/family.login";
import * as login from "../../app/routes/login";
import { makeUser, TEST_PASSWORD } from "../support/factories";
import { callAction, cookieFrom, type Outcome } from "../support/requests";
import { smtpSettings, startSmtpServer, type RunningSmtpServer } from "../support/smtp";

/**
 * Issue 9 point 8: the throttles hold however many attempts arrive at once. Every attempt
 * is a real action call; all 40 are started before any has finished (Promise.all). An
 * attempt whose secret was checked answers 400 (wrong) or 302 (right); one refused by the
 * throttle answers 429 before the secret is looked at.
 */
const PARALLEL = 40;
let smtp: RunningSmtpServer;

beforeAll(async () => {
  smtp = await startSmtpServer();
  Object.assign(process.env, smtpSettings(smtp));
  resetSettingsForTests();
});

afterAll(async () => {
  for (const key of Object.keys(smtpSettings(smtp))) delete process.env[key];
  resetSettingsForTests();
  await smtp.close();
});

// The clock stands still during each test: on a loaded machine 40 attempts may take longer
// than the first delay (1 s), and an attempt after the delay is rightly allowed.
beforeEach(() => {
  const now = Date.now();
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(now);
});

afterEach(() => {
  vi.useRealTimers();
});

const statuses = (outcomes: Outcome[]) => outcomes.map((o) => o.status);
const count = (list: number[], status: number) => list.filter((s) => s === status).length;

function passwordAttempt(email: string, password: string, clientAddress: string) {
  return callAction(login.action, "/login", { form: { email, password, redirectTo: "/" }, clientAddress });
}

async function familyMember() {
  const { transaction } = await database();
  const id = createId();
  const email = `familie-${id.slice(0, 8)}@familie.invalid`;
  await transaction((tx) =>
    tx.insert(users).values({ id, kind: "family", name: "Testforelder Parallell", email, active: true, createdAt: new Date() }),
  );
  return { id, email };
}

describe("staff passwords", () => {
  it("checks only three of 40 parallel wrong passwords for one account", async () => {
    const user = await makeUser();
    // Each from its own address, so only the account's limit (3 free failures) is in play.
    const outcomes = await Promise.all(
      Array.from({ length: PARALLEL }, (_, i) => passwordAttempt(user.email, `feil passord ${i}`, `10.20.0.${i}`)),
    );
    const list = statuses(outcomes);
    expect(count(list, 400)).toBe(3);
    expect(count(list, 429)).toBe(PARALLEL - 3);
    // The right password right after is refused too: the delay applies.
    expect((await passwordAttempt(user.email, TEST_PASSWORD, "10.20.1.1")).status).toBe(429);
  });

  it("checks only ten of 40 parallel wrong passwords from one address, whatever the accounts", async () => {
    const outcomes = await Promise.all(
      Array.from({ length: PARALLEL }, (_, i) => passwordAttempt(`ukjent-${i}@test.invalid`, "feil passord", "10.21.0.1")),
    );
    const list = statuses(outcomes);
    expect(count(list, 400)).toBe(10);
    expect(count(list, 429)).toBe(PARALLEL - 10);
  });

  it("does not count successful sign-ins against the address", async () => {
    // A whole staff room behind one address signs in; each attempt is counted while its
    // password is checked and given back when it succeeds.
    const people = await Promise.all(Array.from({ length: 12 }, () => makeUser()));
    for (const person of people) expect((await passwordAttempt(person.email, TEST_PASSWORD, "10.22.0.1")).status).toBe(302);
    const addressKey = throttleKeys("", "10.22.0.1")[1]!.key;
    const { db } = await database();
    expect(await db.select().from(loginThrottle).where(eq(loginThrottle.key, addressKey)).get()).toBeUndefined();
    // One wrong password after them is the address's first failure, not its thirteenth.
    expect((await passwordAttempt(people[0]!.email, "feil passord", "10.22.0.1")).status).toBe(400);
    expect((await db.select().from(loginThrottle).where(eq(loginThrottle.key, addressKey)).get())?.failures).toBe(1);
  });
});

describe("family sign-in codes", () => {
  it("checks only ten of 40 parallel wrong codes from one address", async () => {
    // Forty codes sent to forty family members, then a wrong guess at each from one address.
    const challenges: string[] = [];
    for (let i = 0; i < PARALLEL; i++) {
      const member = await familyMember();
      const asked = await callAction(familyLogin.action, "/family/login", {
        form: { email: member.email },
        clientAddress: `10.30.${i}.1`,
      });
      expect(asked.status).toBe(302);
      challenges.push(cookieFrom(asked)!);
    }
    const outcomes = await Promise.all(
      challenges.map((cookie) => callAction(codePage.action, "/family/code", { form: { code: "000000" }, cookie, clientAddress: "10.31.0.1" })),
    );
    const list = statuses(outcomes);
    expect(count(list, 429)).toBe(PARALLEL - 10);
    expect(count(list, 400)).toBe(10);
    // The codes' own counters agree: ten were compared, thirty never looked at.
    const { db } = await database();
    const ids = challenges.map((c) => c.split("=")[1]!);
    const rows = (await db.select().from(signInCodes)).filter((r) => ids.includes(r.id));
    expect(rows.filter((r) => r.attempts === 1)).toHaveLength(10);
    expect(rows.filter((r) => r.attempts === 0)).toHaveLength(PARALLEL - 10);
  });

  it("compares one code at most five times, however many guesses arrive at once", async () => {
    const member = await familyMember();
    const asked = await callAction(familyLogin.action, "/family/login", { form: { email: member.email }, clientAddress: "10.32.0.1" });
    const cookie = cookieFrom(asked)!;
    // From different addresses, so only the code's own limit is in play.
    await Promise.all(
      Array.from({ length: PARALLEL }, (_, i) =>
        callAction(codePage.action, "/family/code", { form: { code: String(100000 + i) }, cookie, clientAddress: `10.33.0.${i}` }),
      ),
    );
    const { db } = await database();
    const row = await db.select().from(signInCodes).where(eq(signInCodes.id, cookie.split("=")[1]!)).get();
    expect(row!.attempts).toBe(5);
  });

  it("sends only three of 40 codes asked for at once for one address", async () => {
    const member = await familyMember();
    const outcomes = await Promise.all(
      Array.from({ length: PARALLEL }, (_, i) =>
        callAction(familyLogin.action, "/family/login", { form: { email: member.email }, clientAddress: `10.34.0.${i}` }),
      ),
    );
    const list = statuses(outcomes);
    expect(count(list, 302)).toBe(3);
    expect(count(list, 429)).toBe(PARALLEL - 3);
    const { db } = await database();
    expect(await db.select().from(signInCodes).where(eq(signInCodes.userId, member.id))).toHaveLength(3);
  });
});

import { beforeAll, bench, describe } from "vitest";
import { database } from "../../db/client.server";
import { accessLog, children, guardians, logEvents, logs, memberships, services, users } from "../../db/schema";
import { loadActor } from "../../app/domain/auth/guards.server";
import type { Actor } from "../../app/domain/auth/permissions";
import type { FamilyMember } from "../../app/domain/access/viewer";
import { familyLogPage, familyLogView, familyReaders, listFamilyLogs } from "../../app/domain/family/pages.server";
import { listMyLogs } from "../../app/domain/logs/lists.server";
import { viewLog } from "../../app/domain/logs/log-page.server";
import { addDays, todayInOslo } from "../../app/lib/dates";
import { createId } from "../../app/lib/ids";

/**
 * A large municipality's relay logs: 20 000 logs with 50 events each (one million timeline
 * events) across 200 services, each child with a guardian who has a family account.
 * Measures the home list (holder and leader), search, opening a log with a long timeline,
 * and the family's pages (their list, their log, "who has read" with 2 000 reads).
 */
const SERVICES = 200;
const LOGS = 20_000;
const EVENTS_PER_LOG = 50;
let teacher: Actor;
let leader: Actor;
let busyLogId = "";
let parent: FamilyMember;

beforeAll(async () => {
  const { transaction } = await database();
  const now = new Date();
  const today = todayInOslo();
  const serviceIds = Array.from({ length: SERVICES }, () => createId());
  const holders = Array.from({ length: SERVICES * 5 }, () => createId());
  const leaderId = createId();
  await transaction(async (tx) => {
    await tx.insert(services).values(serviceIds.map((id, i) => ({ id, name: `Benk-skole ${i}`, kind: "school", createdAt: now })));
    for (let i = 0; i < holders.length; i += 250) {
      const batch = holders.slice(i, i + 250);
      await tx.insert(users).values(batch.map((id, j) => ({ id, name: `Lærer ${i + j}`, email: `l${i + j}@bench.invalid`, createdAt: now })));
      await tx.insert(memberships).values(
        batch.map((userId, j) => ({ id: createId(), userId, serviceId: serviceIds[(i + j) % SERVICES]!, role: "employee" as const, startedAt: now })),
      );
    }
    await tx.insert(users).values({ id: leaderId, name: "Rektor Benk", email: "rektor@bench.invalid", createdAt: now });
    await tx.insert(memberships).values({ id: createId(), userId: leaderId, serviceId: serviceIds[0]!, role: "leader", startedAt: now });
  });
  for (let i = 0; i < LOGS; i += 500) {
    await transaction(async (tx) => {
      const childRows = [];
      const logRows = [];
      const eventRows = [];
      const familyRows = [];
      const guardianRows = [];
      for (let j = i; j < i + 500; j++) {
        const childId = createId();
        const logId = createId();
        const holderIndex = j % holders.length;
        childRows.push({ id: childId, name: `Barn ${String(j).padStart(5, "0")} Benksen`, birthDate: "2015-01-01", createdBy: holders[holderIndex]!, createdAt: now });
        const familyId = createId();
        familyRows.push({ id: familyId, kind: "family" as const, name: `Forelder ${j}`, email: `f${j}@bench.invalid`, createdAt: now });
        guardianRows.push({
          id: createId(),
          childId,
          name: `Forelder ${j}`,
          relation: "mother" as const,
          parentalResponsibility: true,
          userId: familyId,
          createdAt: now,
        });
        logRows.push({
          id: logId,
          childId,
          kind: "relay" as const,
          state: j % 5 === 0 ? ("closed" as const) : ("open" as const),
          level: 1 + (j % 3),
          holderId: holders[holderIndex]!,
          holderServiceId: serviceIds[holderIndex % SERVICES]!,
          nextEvaluationOn: addDays(today, (j % 90) - 20),
          lastChildVoiceOn: addDays(today, -(j % 80)),
          createdBy: holders[holderIndex]!,
          createdAt: now,
          updatedAt: now,
        });
        for (let k = 1; k <= EVENTS_PER_LOG; k++) {
          eventRows.push({
            id: createId(),
            logId,
            seq: k,
            type: "note" as const,
            authorId: holders[holderIndex]!,
            authorServiceId: serviceIds[holderIndex % SERVICES]!,
            occurredOn: addDays(today, -k),
            recordedAt: now,
            data: { text: `Notat ${k} om barnet, skrevet for benkemerket.` },
          });
        }
      }
      await tx.insert(children).values(childRows);
      await tx.insert(users).values(familyRows);
      await tx.insert(guardians).values(guardianRows);
      await tx.insert(logs).values(logRows);
      for (let k = 0; k < eventRows.length; k += 1000) await tx.insert(logEvents).values(eventRows.slice(k, k + 1000));
      if (i === 0) {
        busyLogId = logRows[0]!.id;
        parent = { id: familyRows[0]!.id, name: familyRows[0]!.name, email: familyRows[0]!.email };
        const reads = Array.from({ length: 2000 }, (_, k) => ({
          id: createId(),
          logId: busyLogId,
          userId: holders[k % holders.length]!,
          serviceId: serviceIds[k % SERVICES]!,
          kind: "view" as const,
          at: new Date(now.getTime() - k * 60_000),
        }));
        for (let k = 0; k < reads.length; k += 500) await tx.insert(accessLog).values(reads.slice(k, k + 500));
      }
    });
  }
  teacher = (await loadActor(holders[0]!))!;
  leader = (await loadActor(leaderId))!;
}, 600_000);

describe("home (Mine logger)", () => {
  bench("a teacher's list (20 logs), most urgent first", async () => {
    await listMyLogs(teacher, { page: 1 });
  });
  bench("a leader's list of a service with 100 logs", async () => {
    await listMyLogs(leader, { page: 1 });
  });
  bench("search by child name", async () => {
    await listMyLogs(teacher, { q: "Barn 00", page: 1 });
  });
});

describe("one log", () => {
  bench("open a log: details and the newest 25 of 50 events", async () => {
    await viewLog(teacher, busyLogId, { locale: "nb" });
  });
});

describe("the family's pages", () => {
  bench("a guardian's list of logs among 20 000 families", async () => {
    await listFamilyLogs(parent);
  });
  bench("a guardian opens their log: what they may see, newest 25", async () => {
    await familyLogView(parent, busyLogId);
  });
  bench("who has read our log: newest 50 of 2 000 reads", async () => {
    await familyLogPage(parent, busyLogId, { purpose: "readers", need: "read" }, (access) => familyReaders(access));
  });
});

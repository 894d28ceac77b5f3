import { and, asc, count, desc, eq, inArray, or, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { database } from "../../../db/client.server";
import { children, consultations, logs, serviceKinds, services, users } from "../../../db/schema";
import { CONSULTATION_TEXT_MAX, containsElevenDigitNumber, type ConsultationInput } from "../../lib/consultation-schemas";
import { todayInOslo } from "../../lib/dates";
import type { Locale } from "../../lib/enums";
import { idPattern, createId } from "../../lib/ids";
import { requireCapability } from "../auth/guards.server";
import type { Actor } from "../auth/permissions";
import { gateContext } from "../access/consent-gate.server";
import { findAccess, ledServiceIds, readableLogs, type StaffAccess } from "../access/open.server";
import { staffViewer } from "../access/viewer";
import { fieldError, notFound } from "../errors.server";
import { localized } from "../../lib/locales";

/**
 * Anonymous consultations (anonym drøfting, DESIGN.md rule 4): a case discussed with
 * another service without anything that identifies the child, so no consent is needed.
 * The record holds no field about the child, and free text with an 11-digit number (a
 * national id) is refused. A consultation is seen by its author and by the leaders of the
 * author's service; nobody else, not even administrators (404, as for logs). It may be
 * linked to a log the author can read; the link is shown only to that log's readers.
 */

export const CONSULTATIONS_PAGE_SIZE = 25;
/** How many open logs the form offers to link to (most recently updated first). */
const LINKABLE_LOGS_LIMIT = 200;
const EXCERPT_LENGTH = 200;

const consultedService = alias(services, "consulted_service");
const authorService = alias(services, "author_service");

/** SQL: the consultations the actor may see — their own, and those written in a service they lead. */
function visibleTo(actor: Actor): SQL {
  const leads = ledServiceIds(actor);
  const own = eq(consultations.authorId, actor.id);
  return leads.length > 0 ? or(own, inArray(consultations.authorServiceId, leads))! : own;
}


function excerpt(text: string) {
  return text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH).trimEnd()}…` : text;
}

/** What the form needs: the author's services, the kinds and services to choose from, and the logs to link to. */
export async function consultationFormOptions(actor: Actor, locale: Locale) {
  requireCapability(actor, "logs.start");
  const { db } = await database();
  const today = todayInOslo();
  const kinds = await db.select().from(serviceKinds).orderBy(asc(serviceKinds.sortOrder));
  const serviceRows = await db
    .select({ id: services.id, name: services.name, kind: services.kind, sortOrder: serviceKinds.sortOrder })
    .from(services)
    .innerJoin(serviceKinds, eq(serviceKinds.code, services.kind))
    .where(eq(services.active, true))
    .orderBy(asc(serviceKinds.sortOrder), asc(services.name));
  const linkable = await db
    .select({ id: logs.id, childName: children.name, birthDate: children.birthDate })
    .from(logs)
    .innerJoin(children, eq(children.id, logs.childId))
    .where(and(readableLogs(staffViewer(actor), await gateContext(db, today)), eq(logs.state, "open")))
    .orderBy(desc(logs.updatedAt), asc(logs.id))
    .limit(LINKABLE_LOGS_LIMIT);
  const kindNames = new Map(kinds.map((k) => [k.code, localized(k, "name", locale)]));
  return {
    myServices: actor.memberships.map((m) => ({ id: m.serviceId, name: m.serviceName })),
    kinds: kinds.map((k) => ({ code: k.code, name: localized(k, "name", locale) })),
    services: serviceRows.map((s) => ({ id: s.id, name: s.name, kind: s.kind, kindName: kindNames.get(s.kind) ?? s.kind })),
    logs: linkable,
    today,
  };
}

/** Record a consultation. Returns its id. */
export async function recordConsultation(actor: Actor, input: ConsultationInput) {
  requireCapability(actor, "logs.start");
  if (!actor.memberships.some((m) => m.serviceId === input.serviceId)) throw fieldError("serviceId", "service_unknown");
  if (input.heldOn > todayInOslo()) throw fieldError("heldOn", "date_in_future");
  for (const field of ["question", "advice"] as const) {
    const text = input[field];
    if (!text.trim()) throw fieldError(field, "required");
    if (text.length > CONSULTATION_TEXT_MAX) throw fieldError(field, "consultation_text_too_long");
    if (containsElevenDigitNumber(text)) throw fieldError(field, "national_id_in_text");
  }
  const { transaction } = await database();
  const id = createId();
  await transaction(async (tx) => {
    const kind = await tx.select().from(serviceKinds).where(eq(serviceKinds.code, input.consultedKind)).get();
    if (!kind) throw fieldError("consultedKind", "service_kind_unknown");
    if (input.consultedServiceId) {
      const service = await tx
        .select({ kind: services.kind })
        .from(services)
        .where(and(eq(services.id, input.consultedServiceId), eq(services.active, true)))
        .get();
      if (!service) throw fieldError("consultedServiceId", "service_unknown");
      if (service.kind !== input.consultedKind) throw fieldError("consultedServiceId", "consulted_service_mismatch");
    }
    if (input.logId) {
      // Unknown and unreadable look the same.
      const access = await findAccess(tx, staffViewer(actor), input.logId);
      if (!access) throw fieldError("logId", "consultation_log_unknown");
      if (access.log.state !== "open") throw fieldError("logId", "log_closed");
    }
    await tx.insert(consultations).values({
      id,
      authorId: actor.id,
      authorServiceId: input.serviceId,
      consultedKind: input.consultedKind,
      consultedServiceId: input.consultedServiceId || null,
      heldOn: input.heldOn,
      question: input.question,
      advice: input.advice,
      logId: input.logId || null,
      createdAt: new Date(),
    });
  });
  return { consultationId: id };
}

/** The actor's consultations — and, for a leader, those of their service — newest first, one page. */
export async function listConsultations(actor: Actor, options: { page: number; locale: Locale }) {
  const { db } = await database();
  const where = visibleTo(actor);
  const [{ total }] = (await db.select({ total: count() }).from(consultations).where(where)) as [{ total: number }];
  const pages = Math.max(1, Math.ceil(total / CONSULTATIONS_PAGE_SIZE));
  const page = Math.min(Math.max(1, options.page), pages);
  const rows = await db
    .select({
      id: consultations.id,
      heldOn: consultations.heldOn,
      question: consultations.question,
      kindNb: serviceKinds.nameNb,
      kindEn: serviceKinds.nameEn,
      consultedServiceName: consultedService.name,
      authorId: consultations.authorId,
      authorName: users.name,
      authorServiceName: authorService.name,
    })
    .from(consultations)
    .innerJoin(serviceKinds, eq(serviceKinds.code, consultations.consultedKind))
    .innerJoin(users, eq(users.id, consultations.authorId))
    .innerJoin(authorService, eq(authorService.id, consultations.authorServiceId))
    .leftJoin(consultedService, eq(consultedService.id, consultations.consultedServiceId))
    .where(where)
    .orderBy(desc(consultations.heldOn), desc(consultations.createdAt), desc(consultations.id))
    .limit(CONSULTATIONS_PAGE_SIZE)
    .offset((page - 1) * CONSULTATIONS_PAGE_SIZE);
  return {
    consultations: rows.map((r) => ({
      id: r.id,
      heldOn: r.heldOn,
      question: excerpt(r.question),
      consultedKindName: localized(r, "kind", options.locale),
      consultedServiceName: r.consultedServiceName,
      mine: r.authorId === actor.id,
      authorName: r.authorName,
      authorServiceName: r.authorServiceName,
    })),
    total,
    page,
    pages,
    /** A leader sees the consultations of the services they lead too. */
    includesService: ledServiceIds(actor).length > 0,
  };
}

/** One consultation, for its author and the leaders of the author's service; otherwise 404. */
export async function getConsultation(actor: Actor, consultationId: string, locale: Locale) {
  if (!idPattern.test(consultationId)) throw notFound();
  const { db } = await database();
  const row = await db
    .select({
      id: consultations.id,
      heldOn: consultations.heldOn,
      question: consultations.question,
      advice: consultations.advice,
      logId: consultations.logId,
      kindNb: serviceKinds.nameNb,
      kindEn: serviceKinds.nameEn,
      consultedServiceName: consultedService.name,
      authorId: consultations.authorId,
      authorName: users.name,
      authorServiceName: authorService.name,
      createdAt: consultations.createdAt,
    })
    .from(consultations)
    .innerJoin(serviceKinds, eq(serviceKinds.code, consultations.consultedKind))
    .innerJoin(users, eq(users.id, consultations.authorId))
    .innerJoin(authorService, eq(authorService.id, consultations.authorServiceId))
    .leftJoin(consultedService, eq(consultedService.id, consultations.consultedServiceId))
    .where(and(eq(consultations.id, consultationId), visibleTo(actor)))
    .get();
  if (!row) throw notFound();
  // The link to a log is shown only to someone who may read that log now.
  let log: { id: string; childName: string } | null = null;
  if (row.logId && (await findAccess(db, staffViewer(actor), row.logId))) {
    const child = await db
      .select({ name: children.name })
      .from(logs)
      .innerJoin(children, eq(children.id, logs.childId))
      .where(eq(logs.id, row.logId))
      .get();
    if (child) log = { id: row.logId, childName: child.name };
  }
  return {
    id: row.id,
    heldOn: row.heldOn,
    question: row.question,
    advice: row.advice,
    consultedKindName: localized(row, "kind", locale),
    consultedServiceName: row.consultedServiceName,
    mine: row.authorId === actor.id,
    authorName: row.authorName,
    authorServiceName: row.authorServiceName,
    createdAt: row.createdAt.toISOString(),
    log,
  };
}

/**
 * The consultations linked to a log, for the log page: only for the log's readers (404
 * otherwise, like the log page itself). Each says whether the reader may open it.
 */
export async function consultationsForLog(access: StaffAccess, locale: Locale) {
  const actor = access.viewer.actor;
  const logId = access.log.id;
  const { db } = await database();
  const leads = new Set(ledServiceIds(actor));
  const rows = await db
    .select({
      id: consultations.id,
      heldOn: consultations.heldOn,
      question: consultations.question,
      kindNb: serviceKinds.nameNb,
      kindEn: serviceKinds.nameEn,
      authorId: consultations.authorId,
      authorServiceId: consultations.authorServiceId,
    })
    .from(consultations)
    .innerJoin(serviceKinds, eq(serviceKinds.code, consultations.consultedKind))
    .where(eq(consultations.logId, logId))
    .orderBy(desc(consultations.heldOn), desc(consultations.createdAt))
    .limit(100);
  return rows.map((r) => ({
    id: r.id,
    heldOn: r.heldOn,
    consultedKindName: localized(r, "kind", locale),
    question: r.question,
    canOpen: r.authorId === actor.id || leads.has(r.authorServiceId),
  }));
}

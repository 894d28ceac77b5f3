import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useT } from "../../i18n/use-t";
import type { EventData, GuardianTimelineEvent, TimelineEvent } from "../../lib/timeline";
import { useDates } from "./format";
import { responsibleLabel } from "../../lib/responsible";
import { osloDateTime } from "../../lib/dates";

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-sm font-semibold text-slate-700">{label}</dt>
      <dd className="whitespace-pre-wrap">{children}</dd>
    </div>
  );
}

/**
 * What a recorded consent did. Events from before issue 9 carry no `change`: one that
 * replaced another is shown as "changed" (it may have been a narrowing), never as given.
 */
function consentKind(d: EventData["consent_recorded"]) {
  if (d.decision === "refused") return "refused" as const;
  return d.change ?? (d.replaces ? "changed" : "given");
}

/** The heading of an event: its type, or for a consent what happened to it. */
function EventTitle({ event }: { event: TimelineEvent | GuardianTimelineEvent }) {
  const { t } = useT();
  return <>{event.type === "consent_recorded" ? t(`logs.event.consentChange.${consentKind(event.data)}`) : t(`logs.eventTypes.${event.type}`)}</>;
}

/** The type-specific body of one timeline event. */
function EventBody({ event }: { event: TimelineEvent | GuardianTimelineEvent }) {
  const { t } = useT();
  const { date } = useDates();
  switch (event.type) {
    case "concern":
      return (
        <dl className="space-y-2">
          <Field label={t("logs.eventTypes.concern")}>{event.data.what}</Field>
          {event.data.context ? <Field label={t("logs.event.context")}>{event.data.context}</Field> : null}
        </dl>
      );
    case "observation":
    case "note":
      return <p className="whitespace-pre-wrap">{event.data.text}</p>;
    case "meeting":
      return (
        <dl className="space-y-2">
          <Field label={t("logs.forms.meeting.meetingTitle")}>{event.data.title}</Field>
          <Field label={t("logs.event.attendees")}>{event.data.attendees}</Field>
          {event.data.absent ? <Field label={t("logs.event.absent")}>{event.data.absent}</Field> : null}
          {event.data.agenda ? <Field label={t("logs.event.agenda")}>{event.data.agenda}</Field> : null}
          <Field label={t("logs.forms.meeting.notes")}>{event.data.notes}</Field>
          {event.data.decisions ? <Field label={t("logs.event.decisions")}>{event.data.decisions}</Field> : null}
          {event.data.action ? <Field label={t("logs.event.meetingAction")}>{event.data.action.description}</Field> : null}
        </dl>
      );
    case "shared_with_leader":
      return null;
    case "became_log":
      return (
        <>
          <p>
            {t("logs.event.level", { level: event.data.level })} · {t("logs.event.guardiansToldOn", { date: date(event.data.guardiansToldOn) })}
          </p>
          {event.data.keepConsent?.deferred ? (
            <p className="whitespace-pre-wrap">{t("logs.event.keepDeferred", { reason: event.data.keepConsent.reason })}</p>
          ) : null}
        </>
      );
    case "guardian_added":
      return (
        <p>
          {t("logs.event.guardian", { name: event.data.name, relation: t(`logs.relations.${event.data.relation}`) })} –{" "}
          {event.data.parentalResponsibility ? t("logs.page.parentalResponsibility") : t("logs.page.noParentalResponsibility")}
          {event.data.toldOn ? ` · ${t("logs.page.toldOn", { date: date(event.data.toldOn) })}` : ""}
        </p>
      );
    case "guardian_changed":
      return (
        <dl className="space-y-2">
          <Field label={t("logs.forms.guardian.name")}>{event.data.name}</Field>
          {event.data.email !== undefined ? <Field label={t("logs.forms.guardian.email")}>{event.data.email ?? "–"}</Field> : null}
          {event.data.phone !== undefined ? <Field label={t("logs.forms.guardian.phone")}>{event.data.phone ?? "–"}</Field> : null}
          {event.data.language !== undefined ? <Field label={t("logs.forms.guardian.language")}>{event.data.language ?? "–"}</Field> : null}
          {event.data.interpreterNeeded !== undefined ? (
            <Field label={t("logs.forms.guardian.interpreterNeeded")}>{t(event.data.interpreterNeeded ? "logs.event.yes" : "logs.event.no")}</Field>
          ) : null}
        </dl>
      );
    case "guardians_told":
      return <p>{t("logs.event.guardiansToldOn", { date: date(event.data.toldOn) })}</p>;
    case "action":
      return (
        <dl className="space-y-2">
          <Field label={t("logs.event.action")}>{event.data.description}</Field>
          <Field label={t("logs.event.goal")}>{event.data.goal}</Field>
          <Field label={t("logs.event.responsible")}>{responsibleLabel(t, event.data)}</Field>
          <Field label={t("logs.event.evaluateOn")}>
            {t("logs.page.period", { start: date(event.data.startOn), evaluate: date(event.data.evaluateOn) })}
          </Field>
        </dl>
      );
    case "evaluation":
      return (
        <dl className="space-y-2">
          <Field label={t("logs.event.action")}>{event.data.actionDescription}</Field>
          <Field label={t("logs.event.whatHappened")}>{event.data.whatHappened}</Field>
          <Field label={t("logs.event.whatWorked")}>{event.data.whatWorked}</Field>
          <Field label={t("logs.event.childExperience")}>{event.data.childExperience}</Field>
          <Field label={t("logs.event.decision")}>{t(`logs.decisions.${event.data.decision}`)}</Field>
          {event.data.adjustment ? <Field label={t("logs.event.adjustment")}>{event.data.adjustment}</Field> : null}
          {event.data.newLevel !== undefined ? (
            <Field label={t("logs.event.newLevel")}>{t("logs.levelLabel", { level: event.data.newLevel })}</Field>
          ) : null}
          {event.data.nextEvaluateOn ? (
            <Field label={t("logs.event.nextEvaluateOn")}>{date(event.data.nextEvaluateOn)}</Field>
          ) : null}
        </dl>
      );
    case "level_change":
      return (
        <dl className="space-y-2">
          <Field label={t("logs.eventTypes.level_change")}>{t("logs.event.from", { from: event.data.from, to: event.data.to })}</Field>
          <Field label={t("logs.event.justification")}>{event.data.justification}</Field>
          {event.data.responsibilityGroup ? (
            <Field label={t("logs.event.responsibilityGroup")}>{event.data.responsibilityGroup}</Field>
          ) : null}
          {event.data.individualPlan ? (
            <Field label={t("logs.eventTypes.level_change")}>
              {t("logs.event.individualPlan", { name: event.data.planCoordinator ?? "" })}
            </Field>
          ) : null}
        </dl>
      );
    case "child_voice":
      return (
        <dl className="space-y-2">
          <Field label={t("logs.event.method")}>{t(`logs.methods.${event.data.method}`)}</Field>
          <Field label={t("logs.forms.voice.text")}>
            <q>{event.data.text}</q>
          </Field>
        </dl>
      );
    case "guardian_voice":
      return (
        <dl className="space-y-2">
          <Field label={t("logs.event.who")}>{event.data.who}</Field>
          <Field label={t("logs.event.method")}>{t(`logs.methods.${event.data.method}`)}</Field>
          <Field label={t("logs.forms.voice.text")}>
            <q>{event.data.text}</q>
          </Field>
        </dl>
      );
    case "closed":
      return (
        <dl className="space-y-2">
          <Field label={t("logs.event.reason")}>{t(`logs.closeReasons.${event.data.reason}`)}</Field>
          <Field label={t("logs.event.summary")}>{event.data.summary}</Field>
          {event.data.guardiansToldOn ? (
            <Field label={t("logs.forms.close.guardiansToldOn")}>{date(event.data.guardiansToldOn)}</Field>
          ) : null}
        </dl>
      );
    case "reopened":
      return <p className="whitespace-pre-wrap">{event.data.reason}</p>;
    case "correction":
      return <p className="whitespace-pre-wrap">{event.data.text}</p>;
    case "consent_recorded": {
      const d = event.data;
      const services = d.services.join(", ");
      const kind = consentKind(d);
      const covers =
        d.scope === "keep"
          ? t("logs.event.consentKeep")
          : kind === "given" || kind === "refused"
            ? t("logs.event.consentShare", { services })
            : t("logs.event.consentNowCovers", { services });
      return (
        <dl className="space-y-2">
          <Field label={t(`logs.event.consentChange.${kind}`)}>{covers}</Field>
          {d.removed?.length ? <Field label={t("logs.event.consentChange.narrowed")}>{t("logs.event.consentRemoved", { services: d.removed.join(", ") })}</Field> : null}
          {d.added?.length ? <Field label={t("logs.event.consentChange.widened")}>{t("logs.event.consentAdded", { services: d.added.join(", ") })}</Field> : null}
          <Field label={t("logs.event.purpose")}>{d.purpose}</Field>
          <Field label={t("logs.event.method")}>
            {d.youngPerson ? t("logs.event.youngPerson") : t("logs.event.givenBy", { names: d.givenBy.join(", ") })}
          </Field>
          <Field label={t("logs.event.validity")}>
            {t("logs.event.validUntil", { from: date(d.givenOn), to: date(d.expiresOn) })}
          </Field>
        </dl>
      );
    }
    case "consent_withdrawn": {
      const d = event.data;
      return (
        <dl className="space-y-2">
          <Field label={t("logs.eventTypes.consent_withdrawn")}>
            {d.scope === "keep"
              ? t("logs.event.consentKeep")
              : d.remaining
                ? t("logs.event.consentWithdrawnFor", { services: d.services.join(", ") })
                : t("logs.event.withdrawnFrom", { services: d.services.join(", ") })}
          </Field>
          {d.remaining ? (
            <Field label={t("logs.event.validity")}>
              {d.remaining.length
                ? t("logs.event.consentStillCovers", { services: d.remaining.join(", ") })
                : t("logs.event.consentNothingLeft")}
            </Field>
          ) : null}
          {d.reason ? <Field label={t("logs.event.reason")}>{d.reason}</Field> : null}
        </dl>
      );
    }
    case "invited":
      return (
        <dl className="space-y-2">
          <Field label={t("logs.eventTypes.invited")}>
            {t("logs.event.invitedLine", { name: event.data.invitee, service: event.data.service, date: date(event.data.respondBy) })}
          </Field>
          <Field label={t("logs.event.message")}>{event.data.message}</Field>
        </dl>
      );
    case "invitation_answered":
      return (
        <p className="whitespace-pre-wrap">
          {event.data.accepted
            ? t("logs.event.accepted", { name: event.data.invitee, service: event.data.service })
            : t("logs.event.declined", { name: event.data.invitee, service: event.data.service })}
          {event.data.reason ? ` – ${event.data.reason}` : ""}
        </p>
      );
    case "participant_left":
      return (
        <p className="whitespace-pre-wrap">
          {event.data.removed
            ? t("logs.event.removed", { name: event.data.participant, service: event.data.service })
            : t("logs.event.left", { name: event.data.participant, service: event.data.service })}
          {event.data.reason ? ` – ${event.data.reason}` : ""}
        </p>
      );
    case "handover_proposed":
      return (
        <dl className="space-y-2">
          <Field label={t("logs.eventTypes.handover_proposed")}>
            {t("logs.event.handoverTo", { name: event.data.to, service: event.data.toService })}
          </Field>
          <Field label={t("logs.event.message")}>{event.data.message}</Field>
        </dl>
      );
    case "handover_answered":
      return (
        <p className="whitespace-pre-wrap">
          {event.data.accepted
            ? t("logs.event.handoverAccepted", { name: event.data.to, service: event.data.toService })
            : t("logs.event.handoverDeclined", { name: event.data.to, service: event.data.toService })}
          {event.data.reason ? ` – ${event.data.reason}` : ""}
        </p>
      );
    case "welfare_report":
      return (
        <dl className="space-y-2">
          <Field label={t("logs.event.sentOn")}>{date(event.data.sentOn)}</Field>
          <Field label={t("logs.event.sentBy")}>{event.data.sentBy}</Field>
          <Field label={t("logs.event.summary")}>{event.data.summary}</Field>
        </dl>
      );
    case "restriction":
      return <p className="whitespace-pre-wrap">{event.data.reason}</p>;
    case "relay_returned":
      return <p>{t("logs.event.returned", { from: event.data.from, to: event.data.to, service: event.data.toService })}</p>;
    case "meeting_planned":
    case "meeting_changed":
      return (
        <dl className="space-y-2">
          <Field label={t("logs.meetings.form.date")}>
            {t("logs.meetings.when", { date: date(osloDateTime(event.data.startsAt).date), time: osloDateTime(event.data.startsAt).time })} ·{" "}
            {t("logs.meetings.duration", { count: event.data.durationMinutes })}
          </Field>
          {event.data.place ? <Field label={t("logs.meetings.place")}>{event.data.place}</Field> : null}
          {event.data.videoUrl ? (
            <Field label={t("logs.meetings.video")}>
              <span className="break-all">{event.data.videoUrl}</span>
            </Field>
          ) : null}
          <Field label={t("logs.meetings.agenda")}>{event.data.agenda}</Field>
          <Field label={t("logs.meetings.invitees")}>
            {event.data.invitees.map((i) => (i.kind === "child" ? t("logs.meetings.child", { name: i.name }) : i.name)).join(", ")}
          </Field>
        </dl>
      );
    case "meeting_cancelled":
      return (
        <p className="whitespace-pre-wrap">
          {t("logs.meetings.when", { date: date(osloDateTime(event.data.startsAt).date), time: osloDateTime(event.data.startsAt).time })} –{" "}
          {t("logs.meetings.cancelledReason", { reason: event.data.reason })}
        </p>
      );
    case "checklist_step":
      return <p>{t(event.data.done ? "guide.log.eventDone" : "guide.log.eventUndone", { step: event.data.text ?? "" })}</p>;
    case "family_access":
      return (
        <p>
          {t(event.data.granted ? "logs.event.familyAccessGranted" : "logs.event.familyAccessRevoked", {
            name: event.data.name,
            role: t(`logs.familyRoles.${event.data.role}`),
          })}
        </p>
      );
  }
}

/** One entry on the timeline: what, when, who; a corrected entry is struck through with its correction below. */
export function EventItem({
  event: shown,
  logId,
  print = false,
}: {
  event: TimelineEvent | GuardianTimelineEvent;
  logId: string;
  print?: boolean;
}) {
  // The family's pages get events without the staff fields: treat those as absent.
  const event = { restrictedReason: null, canCorrect: false, canRestrict: false, ...shown };
  const { t } = useT();
  const { date, dateTime } = useDates();
  const corrected = event.correctedBy !== null;
  return (
    <article className="border-l-4 border-brand-700 bg-white p-3 shadow-sm" aria-labelledby={`event-${event.id}`}>
      <header className="flex flex-wrap items-baseline justify-between gap-x-4">
        <h3 id={`event-${event.id}`} className="text-base font-semibold">
          <EventTitle event={event} /> · {date(event.occurredOn)}
        </h3>
        <p className="text-sm text-slate-700">
          {event.authorKind === "family"
            ? t("logs.event.byFamily", { name: event.authorName })
            : t("logs.event.by", { name: event.authorName, service: event.authorServiceName ?? "" })}{" "}
          ·{" "}
          {t("logs.event.recorded", { date: dateTime(event.recordedAt) })}
        </p>
      </header>
      {event.restrictedReason ? (
        <p className="mt-1 inline-block rounded border border-slate-500 bg-slate-100 px-2 py-0.5 text-sm">
          {t("logs.event.restricted", { reason: event.restrictedReason })}
        </p>
      ) : null}
      <div className={`mt-2 ${corrected ? "text-slate-600 line-through" : ""}`}>
        <EventBody event={event} />
      </div>
      {event.correctedBy ? (
        <div className="mt-2 border-t border-slate-200 pt-2">
          <p className="whitespace-pre-wrap font-semibold">{t("logs.event.correctedBy", { text: event.correctedBy.text })}</p>
          <p className="text-sm">{t("logs.event.correctionReason", { reason: event.correctedBy.reason })}</p>
        </div>
      ) : null}
      {(event.canCorrect || event.canRestrict) && !print ? (
        <p className="mt-2 flex flex-wrap gap-x-6 gap-y-2 no-print">
          {event.canCorrect ? (
            <Link to={`/logs/${logId}/events/${event.id}/correct`}>
              {t("logs.event.correct")}
              <span className="sr-only"> – {t(`logs.eventTypes.${event.type}`)} {date(event.occurredOn)}</span>
            </Link>
          ) : null}
          {event.canRestrict ? (
            <Link to={`/logs/${logId}/events/${event.id}/restrict`}>
              {t("logs.event.restrict")}
              <span className="sr-only"> – {t(`logs.eventTypes.${event.type}`)} {date(event.occurredOn)}</span>
            </Link>
          ) : null}
        </p>
      ) : null}
    </article>
  );
}

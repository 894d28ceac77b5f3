import { Link } from "@remix-run/react";
import { useT } from "../../i18n/use-t";
import { useDates } from "./format";

export interface MeetingView {
  id: string;
  date: string;
  time: string;
  durationMinutes: number;
  place: string | null;
  videoUrl: string | null;
  agenda: string;
  invitees: { key: string; kind: "staff" | "guardian" | "child"; name: string }[];
  /** Staff only: invited guardians who need an interpreter. */
  interpreterFor?: { name: string; language: string | null }[];
  /** Staff only: whether this reader may change or cancel it. */
  mayChange?: boolean;
  /** Staff only: the meeting has begun and this reader may write its minutes. */
  mayWriteMinutes?: boolean;
}

/**
 * The planned meetings still ahead, soonest first: when, how long, where or the video link,
 * the agenda and who is invited. For the staff, "book an interpreter" when an invited
 * guardian needs one, and the links to change, cancel or write the minutes; the family
 * sees the same meeting without them.
 */
export function MeetingsSection({ logId, meetings, canPlan = false }: { logId: string; meetings: MeetingView[]; canPlan?: boolean }) {
  const { t } = useT();
  const { date } = useDates();
  return (
    <section id="meetings" aria-labelledby="meetings-heading" className="card stack scroll-mt-4">
      <h2 id="meetings-heading">{t("logs.meetings.section")}</h2>
      {meetings.length === 0 ? <p>{t("logs.meetings.none")}</p> : null}
      <ul className="stack">
        {meetings.map((m) => (
          <li key={m.id} id={`meeting-${m.id}`} className="stack scroll-mt-4 border-b border-slate-200 pb-3">
            <h3 className="text-base">
              {t("logs.meetings.when", { date: date(m.date), time: m.time })} · {t("logs.meetings.duration", { count: m.durationMinutes })}
            </h3>
            {m.interpreterFor && m.interpreterFor.length > 0 ? (
              <p className="font-semibold text-amber-900">
                {t("logs.meetings.interpreter", {
                  names: m.interpreterFor.map((g) => (g.language ? `${g.name} (${g.language})` : g.name)).join(", "),
                })}
              </p>
            ) : null}
            <dl className="space-y-1">
              {m.place ? (
                <div>
                  <dt className="text-sm font-semibold text-slate-700">{t("logs.meetings.place")}</dt>
                  <dd>{m.place}</dd>
                </div>
              ) : null}
              {m.videoUrl ? (
                <div>
                  <dt className="text-sm font-semibold text-slate-700">{t("logs.meetings.video")}</dt>
                  <dd className="break-all">
                    <a href={m.videoUrl} rel="noreferrer noopener">
                      {m.videoUrl}
                    </a>
                  </dd>
                </div>
              ) : null}
              <div>
                <dt className="text-sm font-semibold text-slate-700">{t("logs.meetings.agenda")}</dt>
                <dd className="whitespace-pre-wrap">{m.agenda}</dd>
              </div>
              <div>
                <dt className="text-sm font-semibold text-slate-700">{t("logs.meetings.invitees")}</dt>
                <dd>{m.invitees.map((i) => (i.kind === "child" ? t("logs.meetings.child", { name: i.name }) : i.name)).join(", ")}</dd>
              </div>
            </dl>
            {m.mayChange || m.mayWriteMinutes ? (
              <p className="no-print flex flex-wrap gap-x-4">
                {m.mayWriteMinutes ? (
                  <Link to={`/logs/${logId}/entry?type=meeting&meeting=${m.id}`} className="inline-flex min-h-11 items-center font-semibold">
                    {t("logs.meetings.writeMinutes")}
                    <span className="sr-only">: {t("logs.meetings.when", { date: date(m.date), time: m.time })}</span>
                  </Link>
                ) : null}
                {m.mayChange ? (
                  <>
                    <Link to={`/logs/${logId}/meetings/${m.id}`} className="inline-flex min-h-11 items-center">
                      {t("logs.meetings.change")}
                      <span className="sr-only">: {t("logs.meetings.when", { date: date(m.date), time: m.time })}</span>
                    </Link>
                    <Link to={`/logs/${logId}/meetings/${m.id}/cancel`} className="inline-flex min-h-11 items-center">
                      {t("logs.meetings.cancel")}
                      <span className="sr-only">: {t("logs.meetings.when", { date: date(m.date), time: m.time })}</span>
                    </Link>
                  </>
                ) : null}
              </p>
            ) : null}
          </li>
        ))}
      </ul>
      {canPlan ? (
        <p className="no-print">
          <Link to={`/logs/${logId}/meetings/new`}>{t("logs.meetings.plan")}</Link>
        </p>
      ) : null}
    </section>
  );
}

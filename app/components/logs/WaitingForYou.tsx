import { Link } from "@remix-run/react";
import { useT } from "../../i18n/use-t";
import { useDates } from "./format";

export interface WaitingData {
  invitations: {
    id: string;
    /** The invitee's service, the one they are invited to take part for. */
    serviceName: string;
    invitedBy: string;
    /** The service the inviter acted for. */
    invitedByService: string | null;
    respondBy: string;
    overdue: boolean;
    /** How the log is named to the invitee; null while no consent covers their service. */
    log: { child: string; level: number } | null;
  }[];
  handovers: { id: string; childName: string; from: string; toServiceName: string }[];
  orphaned: { id: string; childName: string; formerHolder: string }[];
  overdueInService: { id: string; invitee: string; serviceName: string; respondBy: string }[];
}

/** What waits for the person's answer: invitations, proposed relays, and for leaders orphaned logs. */
export function WaitingForYou({ invitations, handovers, orphaned, overdueInService }: WaitingData) {
  const { t } = useT();
  const { date } = useDates();
  return (
    <>
      {invitations.length ? (
        <section aria-labelledby="invitations-heading" className="card stack">
          <h2 id="invitations-heading">{t("collab.home.invitations")}</h2>
          <ul className="stack">
            {invitations.map((i) => (
              <li key={i.id}>
                <p>
                  <Link to={`/invitations/${i.id}`}>
                    {t("collab.home.answer")}:{" "}
                    {i.log
                      ? t("collab.home.invitationLog", { child: i.log.child, level: i.log.level })
                      : t("collab.home.invitationLogHidden", { service: i.serviceName })}
                  </Link>
                </p>
                <p>
                  {i.invitedByService
                    ? t("collab.home.invitationFrom", { name: i.invitedBy, service: i.invitedByService, yourService: i.serviceName })
                    : t("collab.home.invitationFromUnknownService", { name: i.invitedBy, yourService: i.serviceName })}{" "}
                  {i.log ? null : t("collab.home.invitationNotCovered")}
                </p>
                <p>
                  {t("collab.home.respondBy", { date: date(i.respondBy) })}
                  {i.overdue ? (
                    <>
                      {" "}
                      <span className="ml-1 font-semibold text-red-800">{t("collab.invite.overdue")}</span>
                    </>
                  ) : null}
                </p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {handovers.length ? (
        <section aria-labelledby="handovers-heading" className="card stack">
          <h2 id="handovers-heading">{t("collab.home.handovers")}</h2>
          <ul className="stack">
            {handovers.map((h) => (
              <li key={h.id}>
                <Link to={`/handovers/${h.id}`}>
                  {t("collab.home.answer")}: {h.childName}
                </Link>{" "}
                – {h.from}, {h.toServiceName}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {orphaned.length ? (
        <section aria-labelledby="orphaned-heading" className="card stack">
          <h2 id="orphaned-heading">{t("collab.home.orphaned")}</h2>
          <ul className="stack">
            {orphaned.map((o) => (
              <li key={o.id}>
                {t("collab.home.orphanedLine", { child: o.childName, name: o.formerHolder })} –{" "}
                <Link to={`/logs/${o.id}/appoint`}>
                  {t("collab.home.appoint")}
                  <span className="sr-only">: {o.childName}</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {overdueInService.length ? (
        <section aria-labelledby="overdue-heading" className="card stack">
          <h2 id="overdue-heading">{t("collab.home.overdueInvitations")}</h2>
          <ul className="list-disc pl-6">
            {overdueInService.map((i) => (
              <li key={i.id}>
                {t("collab.home.overdueLine", { name: i.invitee, date: date(i.respondBy) })} ({i.serviceName})
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

import { Link } from "@remix-run/react";
import { useT } from "../../i18n/use-t";
import { useDates } from "./format";
import type { ChildView, HolderView, ParticipantView } from "./log-view";

/** About the child: birth date, national id (masked), services attended, the holder and the participants. */
export function ChildSection({
  logId,
  child,
  holder,
  participants,
  canRemove,
}: {
  logId: string;
  child: ChildView;
  holder: HolderView;
  participants: ParticipantView[];
  /** The holder may remove participants. */
  canRemove: boolean;
}) {
  const { t } = useT();
  const { date } = useDates();
  return (
    <section aria-labelledby="child-heading" className="card stack">
      <h2 id="child-heading">{child.name}</h2>
      <p>{t("logs.page.born", { date: date(child.birthDate) })}</p>
      {child.nationalId ? <p>{t("logs.page.nationalIdRegistered", { masked: child.nationalId })}</p> : null}
      {child.attends.length ? <p>{t("logs.page.attends", { services: child.attends.join(", ") })}</p> : null}
      <h3>{t("logs.page.holder")}</h3>
      <p>{t("logs.page.holderLine", { name: holder.name, service: holder.serviceName })}</p>
      <h3>{t("logs.page.participants")}</h3>
      {participants.length ? (
        <ul className="list-disc pl-6">
          {participants.map((p) => (
            <li key={p.userId}>
              {t("logs.page.holderLine", { name: p.name, service: p.serviceName })}
              {!p.hasAccess ? <span className="text-sm"> ({t("collab.participants.noAccess")})</span> : null}
              {canRemove ? (
                <>
                  {" "}
                  <Link to={`/logs/${logId}/participants/${p.userId}/remove`} className="text-sm no-print">
                    {t("collab.participants.remove")}
                    <span className="sr-only">: {p.name}</span>
                  </Link>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("logs.page.noParticipants")}</p>
      )}
    </section>
  );
}

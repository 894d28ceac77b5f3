import { useT } from "../../i18n/use-t";
import { useDates } from "./format";
import type { PendingInvitationView } from "./log-view";

/** The holder's invitations that have not been answered yet, overdue ones marked; nothing when there are none. */
export function PendingInvitations({ invitations }: { invitations: PendingInvitationView[] }) {
  const { t } = useT();
  const { date } = useDates();
  if (invitations.length === 0) return null;
  return (
    <section aria-labelledby="pending-heading" className="card stack">
      <h2 id="pending-heading">{t("collab.invite.pending")}</h2>
      <ul className="list-disc pl-6">
        {invitations.map((i) => (
          <li key={i.id}>
            {t("collab.invite.pendingLine", { name: i.invitee, service: i.serviceName, date: date(i.respondBy) })}
            {i.overdue ? <span className="ml-2 font-semibold text-red-800">{t("collab.invite.overdue")}</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

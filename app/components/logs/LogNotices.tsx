import { Link } from "@remix-run/react";
import { useT } from "../../i18n/use-t";
import type { StaffRole } from "../../domain/access/open.server";
import { Notice } from "../ui/Notice";
import { useDates } from "./format";
import type { LogView, PendingHandoverView } from "./log-view";

const notices = [
  "saved",
  "shared",
  "became_log",
  "closed",
  "reopened",
  "evaluated",
  "evaluatedClose",
  "meeting_planned",
  "meeting_changed",
  "meeting_cancelled",
] as const;
const collabNotices = ["consent", "withdrawn", "invited", "removed", "handover", "accepted", "handoverAccepted", "appointed"] as const;
const familyNotices = ["given", "revoked"] as const;

/**
 * The confirmation after a save, from the redirect's `?notice=`. First on the page, and the
 * target of the redirect (#notice), so a phone shows it where the user looks, with or
 * without JavaScript. Nothing for an unknown notice.
 */
export function LogConfirmation({ notice }: { notice: string | null }) {
  const { t } = useT();
  const page = notices.find((n) => n === notice);
  const collab = collabNotices.find((n) => n === notice);
  const family = familyNotices.find((n) => n === notice);
  const confirmation = page
    ? t(`logs.page.notice.${page}`)
    : collab
      ? t(`collab.notice.${collab}`)
      : family
        ? t(`family.access.${family}`)
        : null;
  if (!confirmation) return null;
  return (
    <div id="notice" tabIndex={-1} className="scroll-mt-4">
      <Notice>{confirmation}</Notice>
    </div>
  );
}

/** The log's standing situation: a handover waiting, closed (and how), read as leader, still private. */
export function LogStatusNotices({
  log,
  role,
  pendingHandover,
}: {
  log: LogView;
  role: StaffRole;
  pendingHandover: PendingHandoverView | null;
}) {
  const { t } = useT();
  const { date } = useDates();
  return (
    <>
      {pendingHandover ? (
        <Notice tone="info">{t("collab.handover.pending", { name: pendingHandover.to, service: pendingHandover.toServiceName })}</Notice>
      ) : null}
      {log.state === "closed" ? (
        <Notice tone="info">
          {t("logs.page.closedNotice", {
            date: date(log.closedAt?.slice(0, 10)),
            reason: log.closeReason ? t(`logs.closeReasons.${log.closeReason}`) : "",
          })}
        </Notice>
      ) : null}
      {log.state === "closed" && log.closeReason === "individual_plan" ? (
        <Notice tone="info">
          {t("collab.ipExport")} <Link to={`/logs/${log.id}/print`}>{t("logs.page.print")}</Link>
        </Notice>
      ) : null}
      {role === "leader" ? <Notice tone="info">{t("logs.page.leaderNotice")}</Notice> : null}
      {log.kind === "concern" && log.state === "open" && role === "holder" ? (
        <Notice tone="info">
          {t("logs.page.privateNotice", { date: date(log.decisionDueOn) })}
          {log.sharedWithLeader ? ` ${t("logs.page.sharedNotice")}` : ""}
        </Notice>
      ) : null}
    </>
  );
}

import { useT } from "../../i18n/use-t";
import type { Flags } from "../../lib/flags";
import { useDates } from "./format";
import type { ActionView, HolderView, LogPermissions, LogView } from "./log-view";
import { FlagList, LevelBadge } from "./LogBits";

/**
 * The top of the log page: the child, level, kind and state, the holder, the next date that
 * matters, and the raised flags, each linked to where it is dealt with when the reader may.
 */
export function LogHeader({
  log,
  childName,
  holder,
  flags,
  firstOverdue,
  can,
}: {
  log: LogView;
  childName: string;
  holder: HolderView;
  flags: Flags;
  /** The active action whose evaluation is overdue first, if any. */
  firstOverdue: ActionView | undefined;
  can: LogPermissions;
}) {
  const { t } = useT();
  const { date } = useDates();
  const concern = log.kind === "concern";
  const open = log.state === "open";
  const flagLinks = {
    overdueEvaluation: firstOverdue ? `#action-${firstOverdue.id}` : undefined,
    missingChildVoice: can.write ? `/logs/${log.id}/voice?who=child` : undefined,
    decisionOverdue: can.hold && concern ? "#next-step" : undefined,
    decisionSoon: can.hold && concern ? "#next-step" : undefined,
  };
  return (
    <header className="stack">
      <h1>{childName}</h1>
      <p className="flex flex-wrap items-center gap-2">
        <LevelBadge level={log.level} name={log.levelName} />
        <span className="badge">{t(`logs.kinds.${log.kind}`)}</span>
        <span className="badge">{t(`logs.states.${log.state}`)}</span>
      </p>
      <dl className="summary-list">
        <dt>{t("logs.page.holder")}</dt>
        <dd>{t("logs.page.holderLine", { name: holder.name, service: holder.serviceName })}</dd>
        {open && concern ? (
          <>
            <dt>{t("logs.page.decisionDue")}</dt>
            <dd>{date(log.decisionDueOn)}</dd>
          </>
        ) : null}
        {open && !concern ? (
          <>
            <dt>{t("logs.page.nextEvaluation")}</dt>
            <dd>
              {log.nextEvaluationOn ? date(log.nextEvaluationOn) : t("logs.page.noEvaluation")}
              {firstOverdue ? <span className="ml-2 font-semibold text-red-800">{t("logs.page.overdue")}</span> : null}
            </dd>
          </>
        ) : null}
      </dl>
      <FlagList flags={flags} links={flagLinks} />
    </header>
  );
}

import { useT } from "../../i18n/use-t";
import { useDates } from "./format";
import type { ChildView, HolderView, LogView } from "./log-view";

/** The head of the printed log: confidentiality, municipality, the child in full, the log's state, who printed it when. */
export function PrintHeader({
  log,
  child,
  holder,
  municipality,
  printedAt,
  printedBy,
}: {
  log: LogView;
  child: ChildView;
  holder: HolderView;
  municipality: string;
  printedAt: string;
  printedBy: string;
}) {
  const { t } = useT();
  const { date, dateTime } = useDates();
  return (
    <header className="stack border-b-2 border-slate-800 pb-4">
      <p className="text-sm font-semibold uppercase">{t("logs.print.confidential")}</p>
      <p className="text-sm">{t("logs.print.municipality", { name: municipality })}</p>
      <h1>{t("logs.print.title", { name: child.name })}</h1>
      <p>
        {t("logs.page.born", { date: date(child.birthDate) })}
        {child.nationalId ? ` · ${child.nationalId}` : ""}
        {child.attends.length ? ` · ${t("logs.page.attends", { services: child.attends.join(", ") })}` : ""}
      </p>
      <p>
        {t("logs.levelWithName", { level: log.level, name: log.levelName })} · {t(`logs.kinds.${log.kind}`)} ·{" "}
        {t(`logs.states.${log.state}`)}
        {log.closeReason ? ` (${t(`logs.closeReasons.${log.closeReason}`)})` : ""}
      </p>
      <p>
        {t("logs.page.holder")}: {t("logs.page.holderLine", { name: holder.name, service: holder.serviceName })}
      </p>
      <p className="text-sm">{t("logs.print.printed", { date: dateTime(printedAt), name: printedBy })}</p>
    </header>
  );
}

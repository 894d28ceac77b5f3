import { Link } from "@remix-run/react";
import { useT } from "../../i18n/use-t";
import { useDates } from "./format";
import type { ActionView } from "./log-view";
import { responsibleLabel } from "../../lib/responsible";

/**
 * The actions of a relay log. On the page: the active ones in full (overdue marked, with a
 * link to evaluate each when the reader may write), then the ended ones by name. In the
 * print: every action in full on one line, the ended ones said so.
 */
export function ActionsSection({
  logId,
  actions,
  canEvaluate = false,
  print = false,
}: {
  logId: string;
  actions: ActionView[];
  canEvaluate?: boolean;
  print?: boolean;
}) {
  const { t } = useT();
  const headingId = print ? "print-actions" : "actions-heading";
  return (
    <section id={print ? undefined : "actions"} aria-labelledby={headingId} className={print ? "stack" : "card stack scroll-mt-4"}>
      <h2 id={headingId}>{t("logs.page.actions")}</h2>
      {print ? <PrintedActions actions={actions} /> : <ActionCards logId={logId} actions={actions} canEvaluate={canEvaluate} />}
    </section>
  );
}

function ActionCards({ logId, actions, canEvaluate }: { logId: string; actions: ActionView[]; canEvaluate: boolean }) {
  const { t } = useT();
  const { date } = useDates();
  const active = actions.filter((a) => a.active);
  const ended = actions.filter((a) => !a.active);
  return (
    <>
      {active.length === 0 ? <p>{t("logs.page.noActions")}</p> : null}
      <ul className="stack">
        {active.map((a) => (
          <li key={a.id} id={`action-${a.id}`} className="scroll-mt-4 border-b border-slate-200 pb-3">
            <p className="font-semibold">{a.description}</p>
            <p>
              {t("logs.page.goal")}: {a.goal}
            </p>
            <p>
              {t("logs.page.responsible")}: {responsibleLabel(t, a)}
            </p>
            <p>
              {t("logs.page.period", { start: date(a.startOn), evaluate: date(a.evaluateOn) })}
              {a.overdue ? <span className="ml-2 font-semibold text-red-800">{t("logs.page.overdue")}</span> : null}
            </p>
            {canEvaluate ? (
              <p className="no-print">
                <Link to={`/logs/${logId}/actions/${a.id}/evaluate`}>
                  {t("logs.page.evaluate")}
                  <span className="sr-only">: {a.description}</span>
                </Link>
              </p>
            ) : null}
          </li>
        ))}
      </ul>
      {ended.length ? (
        <>
          <h3>{t("logs.page.endedActions")}</h3>
          <ul className="list-disc pl-6">
            {ended.map((a) => (
              <li key={a.id}>{a.description}</li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

function PrintedActions({ actions }: { actions: ActionView[] }) {
  const { t } = useT();
  const { date } = useDates();
  if (actions.length === 0) return <p>{t("logs.page.noActions")}</p>;
  return (
    <ul className="list-disc pl-6">
      {actions.map((a) => (
        <li key={a.id}>
          <strong>{a.description}</strong> – {t("logs.page.goal")}: {a.goal} – {t("logs.page.responsible")}: {responsibleLabel(t, a)} –{" "}
          {t("logs.page.period", { start: date(a.startOn), evaluate: date(a.evaluateOn) })}
          {a.active ? "" : ` (${t("logs.page.endedActions").toLowerCase()})`}
        </li>
      ))}
    </ul>
  );
}

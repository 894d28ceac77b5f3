import { Form } from "@remix-run/react";
import { useT } from "../../i18n/use-t";

/** The local guide's checklist for the log's level: the holder ticks, participants read. */
export function ChecklistSection({
  logId,
  checklist,
  canTick,
}: {
  logId: string;
  checklist: { level: number; steps: { id: string; text: string; done: boolean }[] };
  canTick: boolean;
}) {
  const { t } = useT();
  if (checklist.steps.length === 0) return null;
  return (
    <section id="checklist" className="card stack scroll-mt-4" aria-labelledby="checklist-title">
      <h2 id="checklist-title">{t("guide.log.checklist", { level: checklist.level })}</h2>
      <p className="hint">{t("guide.log.checklistHint")}</p>
      <ul className="stack">
        {checklist.steps.map((s) => (
          <li key={s.id} className="flex flex-wrap items-center gap-2">
            <span aria-hidden="true">{s.done ? "☑" : "☐"}</span>
            <span>
              {s.text}
              {s.done ? <span className="sr-only"> – {t("guide.log.done")}</span> : null}
            </span>
            {canTick ? (
              <Form method="post" action={`/logs/${logId}/checklist`}>
                <input type="hidden" name="stepId" value={s.id} />
                <input type="hidden" name="done" value={s.done ? "false" : "true"} />
                <button
                  type="submit"
                  className="btn-secondary"
                  aria-label={t(s.done ? "guide.log.untick" : "guide.log.tick", { step: s.text })}
                >
                  {t(s.done ? "guide.log.untickButton" : "guide.log.tickButton")}
                </button>
              </Form>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

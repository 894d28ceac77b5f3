import { Link } from "@remix-run/react";
import { useT } from "../../i18n/use-t";
import { useDates } from "../logs/format";

export interface LinkedConsultation {
  id: string;
  heldOn: string;
  consultedKindName: string;
  question: string;
  /** The reader is the author or leads the author's service. */
  canOpen: boolean;
}

/** "Anonyme drøftinger" on the log page: the consultations linked to the log, shown only when there are any. */
export function LinkedConsultations({ consultations }: { consultations: LinkedConsultation[] }) {
  const { t } = useT();
  const { date } = useDates();
  if (consultations.length === 0) return null;
  return (
    <section aria-labelledby="consultations-heading" className="card stack">
      <h2 id="consultations-heading">{t("consultations.onLog.title")}</h2>
      <p className="hint">{t("consultations.onLog.intro")}</p>
      <ul className="stack">
        {consultations.map((c) => (
          <li key={c.id} className="border-b border-slate-200 pb-3">
            <p className="font-semibold">{t("consultations.onLog.item", { date: date(c.heldOn), kind: c.consultedKindName })}</p>
            <p className="whitespace-pre-line">{c.question}</p>
            {c.canOpen ? (
              <p className="no-print">
                <Link to={`/consultations/${c.id}`}>
                  {t("consultations.onLog.open")}
                  <span className="sr-only">: {date(c.heldOn)}</span>
                </Link>
              </p>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

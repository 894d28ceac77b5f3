import { Link } from "@remix-run/react";
import { useT } from "../../i18n/use-t";
import { useDates } from "./format";

export interface ConsentView {
  id: string;
  scope: "keep" | "share";
  decision: "given" | "refused";
  youngPerson: boolean;
  categories: string[];
  guardiansGiven: number;
  guardiansRequired: number;
  services: { id: string; name: string }[];
  expiresOn: string;
  expired: boolean;
  complete: boolean;
  counts: boolean;
  hasAttachment: boolean;
  form: "written" | "oral" | "digital";
  note: string | null;
  givenBy: string[];
  givenOn: string;
  recordedBy: string;
  recordedByFamily: boolean;
  recordedOn: string;
  changedOn: string | null;
}

/** The consent state in plain words: who has consented to what, until when, and whether it counts. */
export function ConsentSection({ logId, consents, canManage }: { logId: string; consents: ConsentView[]; canManage: boolean }) {
  const { t } = useT();
  const { date } = useDates();
  const line = (c: ConsentView) => {
    const services = c.services.map((s) => s.name).join(", ");
    if (c.decision === "refused") return c.scope === "keep" ? t("collab.consents.refusedKeep") : t("collab.consents.refusedShare", { services });
    if (c.youngPerson) return c.scope === "keep" ? t("collab.consents.keepYoung") : t("collab.consents.shareYoung", { services });
    const counts = { given: c.guardiansGiven, required: c.guardiansRequired, services };
    return c.scope === "keep" ? t("collab.consents.keepGuardians", counts) : t("collab.consents.shareGuardians", counts);
  };
  const status = (c: ConsentView) =>
    c.decision === "refused"
      ? t("collab.consents.refused")
      : c.expired
        ? t("collab.consents.expiredLabel")
        : c.counts
          ? t("collab.consents.counts")
          : t("collab.consents.partial");
  return (
    <section aria-labelledby="consents-heading" className="card stack">
      <h2 id="consents-heading">{t("collab.consents.title")}</h2>
      {consents.length === 0 ? <p>{t("collab.consents.none")}</p> : null}
      <ul className="stack">
        {consents.map((c) => (
          <li key={c.id} className="border-b border-slate-200 pb-3">
            <p>
              {line(c)} – {c.expired ? t("collab.consents.expired", { date: date(c.expiresOn) }) : t("collab.consents.until", { date: date(c.expiresOn) })}
            </p>
            {c.categories.length ? <p>{t("collab.consents.categories", { categories: c.categories.join(", ") })}</p> : null}
            <HowGiven logId={logId} consent={c} />
            <p>
              <span className={`badge ${c.counts ? "border-green-700" : "border-red-700"}`}>{status(c)}</span>
            </p>
            <p className="flex flex-wrap gap-4 no-print">
              {canManage ? (
                <>
                  <Link to={`/logs/${logId}/consents/new?replaces=${c.id}`}>{t("collab.consents.change")}</Link>
                  <Link to={`/logs/${logId}/consents/${c.id}/withdraw`}>{t("collab.consents.withdraw")}</Link>
                  {c.scope === "share" && c.decision === "given" && c.services.length > 1
                    ? c.services.map((s) => (
                        <Link key={s.id} to={`/logs/${logId}/consents/${c.id}/withdraw?service=${s.id}`}>
                          {t("collab.consents.withdrawFor", { service: s.name })}
                        </Link>
                      ))
                    : null}
                </>
              ) : null}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * How a consent was given (issue 9 point 4): written, with a link to the signed form;
 * oral, with the note of the conversation; digital, by whom in the app. Then who recorded
 * it, and when it last changed.
 */
function HowGiven({ logId, consent: c }: { logId: string; consent: ConsentView }) {
  const { t } = useT();
  const { date } = useDates();
  const by = c.youngPerson ? t("collab.consents.youngPersonName") : c.givenBy.join(", ");
  return (
    <div className="text-sm">
      {c.form === "written" ? (
        <p>
          {c.hasAttachment ? (
            <>
              {t("collab.consents.formWritten")}:{" "}
              <a href={`/logs/${logId}/consents/${c.id}/attachment`}>{t("collab.consents.attachment")}</a>
            </>
          ) : (
            t("collab.consents.formWrittenNoFile")
          )}
        </p>
      ) : c.form === "oral" ? (
        <>
          <p>{t("collab.consents.formOral")}</p>
          <blockquote className="whitespace-pre-wrap border-l-2 border-slate-400 pl-2">{c.note}</blockquote>
        </>
      ) : (
        <p>{t("collab.consents.formDigital", { name: c.recordedByFamily ? c.recordedBy : by })}</p>
      )}
      <p>
        {t("collab.consents.givenOn", { date: date(c.givenOn) })} ·{" "}
        {t("collab.consents.recordedBy", { name: c.recordedBy, date: date(c.recordedOn) })}
        {c.changedOn ? <> · {t("collab.consents.changedOn", { date: date(c.changedOn) })}</> : null}
      </p>
    </div>
  );
}

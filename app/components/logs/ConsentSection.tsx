import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
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
}

/** The consent state in plain words: who has consented to what, until when, and whether it counts. */
export function ConsentSection({ logId, consents, canManage }: { logId: string; consents: ConsentView[]; canManage: boolean }) {
  const { t } = useTranslation();
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
            <p>
              <span className={`badge ${c.counts ? "border-green-700" : "border-red-700"}`}>{status(c)}</span>
            </p>
            <p className="flex flex-wrap gap-4 no-print">
              {c.hasAttachment ? (
                <a href={`/logs/${logId}/consents/${c.id}/attachment`}>{t("collab.consents.attachment")}</a>
              ) : null}
              {canManage ? (
                <>
                  <Link to={`/logs/${logId}/consents/new?replaces=${c.id}`}>{t("collab.consents.change")}</Link>
                  <Link to={`/logs/${logId}/consents/${c.id}/withdraw`}>{t("collab.consents.withdraw")}</Link>
                </>
              ) : null}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}

import { Link } from "@remix-run/react";
import { useT } from "../../i18n/use-t";
import { useDates } from "./format";
import type { ChildView, GuardianView, LogView } from "./log-view";

/**
 * The guardians: relation, parental responsibility, whether they have been told. The page
 * adds how to reach them, who has family access, and for the holder the links to register
 * a guardian and give access; the print keeps to the facts.
 */
export function GuardiansSection({
  log,
  child,
  guardians,
  canManage = false,
  print = false,
}: {
  log: LogView;
  child: ChildView;
  guardians: GuardianView[];
  canManage?: boolean;
  print?: boolean;
}) {
  const { t } = useT();
  const { date } = useDates();
  const headingId = print ? "print-guardians" : "guardians-heading";
  return (
    <section aria-labelledby={headingId} className={print ? "stack" : "card stack"}>
      <h2 id={headingId}>{t("logs.page.guardians")}</h2>
      {guardians.length ? (
        <ul className={print ? "list-disc pl-6" : "stack"}>
          {guardians.map((g) => (
            <li key={g.id}>
              {print ? g.name : <span className="font-semibold">{g.name}</span>} ({t(`logs.relations.${g.relation}`)}) –{" "}
              {g.parentalResponsibility ? t("logs.page.parentalResponsibility") : t("logs.page.noParentalResponsibility")} ·{" "}
              {g.toldOn ? t("logs.page.toldOn", { date: date(g.toldOn) }) : t("logs.page.notTold")}
              {!print && (g.phone || g.email) ? (
                <span className="block break-words text-sm">{[g.phone, g.email].filter(Boolean).join(" · ")}</span>
              ) : null}
              {g.language || g.interpreterNeeded ? (
                <span className="block text-sm">
                  {[g.language ? t("logs.page.language", { language: g.language }) : null, g.interpreterNeeded ? t("logs.page.interpreterNeeded") : null]
                    .filter(Boolean)
                    .join(" · ")}
                </span>
              ) : null}
              {!print && g.hasFamilyAccess ? <span className="block text-sm">{t("family.access.has")}</span> : null}
              {!print && canManage ? (
                <Link
                  to={`/logs/${log.id}/guardians/${g.id}`}
                  className="block text-sm"
                  aria-label={`${t("logs.forms.guardianDetails.change")}: ${g.name}`}
                >
                  {t("logs.forms.guardianDetails.change")}
                </Link>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("logs.page.noGuardians")}</p>
      )}
      {!print && child.hasFamilyAccess ? (
        <p className="text-sm">
          {child.name}: {t("family.access.has")}
        </p>
      ) : null}
      {!print && canManage ? (
        <p className="no-print flex flex-wrap gap-x-6 gap-y-2">
          <Link to={`/logs/${log.id}/guardians/new`}>{t("logs.page.addGuardian")}</Link>
          {log.kind !== "concern" ? <Link to={`/logs/${log.id}/family-access`}>{t("family.access.give")}</Link> : null}
        </p>
      ) : null}
    </section>
  );
}

import { Link } from "@remix-run/react";
import { useT } from "../../i18n/use-t";

/** On a phone, where the columns stack: jump links to the page's sections. */
export function OnThisPage({ concern }: { concern: boolean }) {
  const { t } = useT();
  return (
    <nav aria-labelledby="on-this-page" className="no-print md:hidden">
      <h2 id="on-this-page" className="text-base">
        {t("logs.page.onThisPage")}
      </h2>
      <ul className="flex flex-wrap gap-x-4">
        {!concern ? (
          <li>
            <a href="#actions" className="inline-flex min-h-11 items-center">{t("logs.page.actions")}</a>
          </li>
        ) : null}
        <li>
          <a href="#timeline" className="inline-flex min-h-11 items-center">{t("logs.page.timeline")}</a>
        </li>
        <li>
          <a href="#about" className="inline-flex min-h-11 items-center">{t("logs.page.aboutChild")}</a>
        </li>
        {!concern ? (
          <li>
            <a href="#consents-heading" className="inline-flex min-h-11 items-center">{t("collab.consents.title")}</a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

/** The foot of the log page: the print view and, for those who may see it, who has read the log. */
export function LogFooterLinks({ logId, canSeeReaders }: { logId: string; canSeeReaders: boolean }) {
  const { t } = useT();
  return (
    <p className="flex flex-wrap gap-4 no-print">
      <Link to={`/logs/${logId}/print`}>{t("logs.page.print")}</Link>
      {canSeeReaders ? <Link to={`/logs/${logId}/readers`}>{t("logs.page.readers")}</Link> : null}
    </p>
  );
}

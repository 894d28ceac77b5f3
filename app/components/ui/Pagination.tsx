import { Link } from "@remix-run/react";
import { useT } from "../../i18n/use-t";

/** Previous / "page N of M" / next, as plain links (works without JavaScript). */
export function Pagination({ page, pages, href }: { page: number; pages: number; href: (page: number) => string }) {
  const { t } = useT();
  if (pages <= 1) return null;
  return (
    <nav aria-label={t("pagination.label")} className="flex flex-wrap items-center gap-4">
      {page > 1 ? <Link to={href(page - 1)}>{t("pagination.previous")}</Link> : null}
      <span>{t("pagination.page", { page, pages })}</span>
      {page < pages ? <Link to={href(page + 1)}>{t("pagination.next")}</Link> : null}
    </nav>
  );
}

import { isRouteErrorResponse, Link, useRouteError, useRouteLoaderData } from "@remix-run/react";
import { useT } from "../i18n/use-t";
import type { loader as rootLoader } from "../root";
import { translateError } from "./ui/messages";

/**
 * 404, 403 and everything else: a plain page that reveals nothing internal. Root's
 * ErrorBoundary and every route's ErrorBoundary render it.
 */
export function ErrorPage() {
  const error = useRouteError();
  const { t } = useT();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const home = useRouteLoaderData<typeof rootLoader>("root")?.family ? "/family" : "/";
  // A domain refusal such as "the log is closed" carries a code with a translated text.
  const code = isRouteErrorResponse(error) ? (error.data as { code?: unknown } | null)?.code : undefined;
  const [title, body] =
    status === 404
      ? [t("pages.notFoundTitle"), t("pages.notFoundBody")]
      : status === 403
        ? [t("pages.forbiddenTitle"), t("pages.forbiddenBody")]
        : (status === 409 || status === 400 || status === 413 || status === 415) && typeof code === "string"
          ? [t("pages.refusedTitle"), translateError(t, `errors.${code}`)]
          : [t("pages.errorTitle"), t("pages.errorBody")];
  return (
    <div className="stack">
      <h1>{title}</h1>
      <p>{body}</p>
      <p>
        <Link to={home}>{t("pages.backHome")}</Link>
      </p>
    </div>
  );
}

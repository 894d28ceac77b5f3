import type { MetaArgs, MetaDescriptor } from "@remix-run/node";
import { isRouteErrorResponse } from "@remix-run/react";
import { defaultLocale } from "../lib/enums";
import { isLocale } from "./format";
import { instanceFor } from "./instance";

function localeOf(args: MetaArgs) {
  const root = args.matches.find((m) => m.id === "root")?.data as { locale?: unknown } | undefined;
  return isLocale(root?.locale) ? root.locale : defaultLocale;
}

/**
 * The document title for a route: "<page> – Stafettlogg" in the reader's language, or
 * the error page's title when the route failed.
 */
export function pageTitle(args: MetaArgs, key: string, options?: Record<string, unknown>): MetaDescriptor[] {
  // The server's shared instance for the language, or the browser's one (docs/decisions/031).
  const { t } = instanceFor(localeOf(args));
  let page: string;
  if (args.error) {
    // The same choice as the error page's heading (app/components/ErrorPage.tsx).
    const status = isRouteErrorResponse(args.error) ? args.error.status : 500;
    const code = isRouteErrorResponse(args.error) ? (args.error.data as { code?: unknown } | null)?.code : undefined;
    page = t(
      status === 404
        ? "pages.notFoundTitle"
        : status === 403
          ? "pages.forbiddenTitle"
          : (status === 409 || status === 400) && typeof code === "string"
            ? "pages.refusedTitle"
            : "pages.errorTitle",
    );
  } else {
    page = String(t(key as never, options as never));
  }
  return [{ title: `${page} – ${t("app.name")}` }];
}

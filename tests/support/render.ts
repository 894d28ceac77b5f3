import { createElement as h, type ComponentType, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { createStaticHandler, createStaticRouter, StaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { createI18n } from "../../app/i18n/i18n";
import type { Locale } from "../../app/lib/enums";
import type { LoaderFunctionArgs } from "react-router-dom";
import { makeRequest } from "./requests";

/**
 * Server-render what a page shows, the way the browser gets it (no script), for tests that
 * check the page's words: a component with props, or a whole route module with its real
 * loader answering a real Request (Remix's hooks are react-router's underneath).
 */
export function renderComponent(element: ReactElement, locale: Locale = "nb") {
  return renderToStaticMarkup(h(I18nextProvider, { i18n: createI18n(locale) }, h(StaticRouter, { location: "/" }, element)));
}

interface RouteModule {
  loader?: (args: never) => unknown;
  default: ComponentType;
}

export async function renderRoute(
  mod: RouteModule,
  pattern: string,
  path: string,
  options: { cookie?: string; locale?: Locale } = {},
) {
  const loader = mod.loader as unknown as (args: unknown) => unknown;
  const routes = [
    {
      id: "page",
      path: pattern,
      loader: (args: LoaderFunctionArgs) => loader({ ...args, context: { cspNonce: "test-nonce", clientAddress: "127.0.0.1" } }) as never,
      Component: mod.default,
    },
  ];
  const handler = createStaticHandler(routes);
  const cookie = [options.cookie, options.locale ? `stafettlogg_lang=${options.locale}` : undefined].filter(Boolean).join("; ");
  const context = await handler.query(makeRequest(path, { cookie: cookie || undefined }));
  if (context instanceof Response) return { status: context.status, html: "" };
  // A thrown 404 or redirect: the status is the answer (the page would be the error page).
  if (context.errors) return { status: context.statusCode, html: "" };
  const router = createStaticRouter(handler.dataRoutes, context);
  const html = renderToStaticMarkup(
    h(I18nextProvider, { i18n: createI18n(options.locale ?? "nb") }, h(StaticRouterProvider, { router, context, hydrate: false })),
  );
  return { status: context.statusCode, html };
}

/** The timeline entries (articles) of a rendered page, newest first. */
export function articles(html: string): string[] {
  return [...html.matchAll(/<article\b[\s\S]*?<\/article>/g)].map((m) => m[0]);
}

/** The visible text of some HTML, tags removed and whitespace collapsed. */
export function textOf(html: string): string {
  return html
    .replace(/<[^>]+>/g, " ")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/\s+/g, " ")
    .trim();
}

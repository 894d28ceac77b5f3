import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useRouteLoaderData } from "@remix-run/react";
import { useEffect, type ReactNode } from "react";
import { useT } from "./i18n/use-t";
import stylesheet from "../styles/app.css";
import { ErrorPage } from "./components/ErrorPage";
import { useNonce } from "./components/nonce";
import { Shell } from "./components/Shell";
import { getActor } from "./domain/auth/guards.server";
import { can, rolesOf } from "./domain/auth/permissions";
import { getFamilyMember } from "./domain/family/guards.server";
import { unreadCount } from "./domain/reminders/inbox.server";
import { getLocale } from "./i18n/locale.server";
import { isLocale } from "./i18n/format";
import { loadDictionary } from "./i18n/instance";
import { pageTitle } from "./i18n/meta";
import { defaultLocale } from "./lib/enums";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = (args) => pageTitle(args, "app.tagline");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await getActor(request);
  const family = actor ? null : await getFamilyMember(request);
  return {
    family: family ? { name: family.name } : null,
    locale: getLocale(request),
    user: actor
      ? {
          name: actor.name,
          canAdminister: can(actor, "users.manage") || can(actor, "services.manage"),
          canStartLogs: can(actor, "logs.start"),
          isLeader: rolesOf(actor).includes("leader"),
          isCoordinator: can(actor, "statistics.view"),
          canEditGuide: can(actor, "guide.edit"),
          inboxUnread: await unreadCount(actor),
        }
      : null,
  };
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const nonce = useNonce();
  const locale = data?.locale ?? defaultLocale;
  const { i18n, t } = useT();
  // Follow a language change made through the language form after hydration; the browser
  // has only the first page's dictionary, so load the other one first (docs/decisions/031).
  useEffect(() => {
    if (i18n.language === locale) return;
    let current = true;
    void loadDictionary(i18n, locale).then(() => {
      if (current) void i18n.changeLanguage(locale);
    });
    return () => {
      current = false;
    };
  }, [i18n, locale]);
  // The language the texts are in: after a change, the browser loads the new dictionary
  // first, so until then the page still reads in the old one and says so.
  const shown = isLocale(i18n.language) ? i18n.language : locale;
  return (
    <html lang={shown}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="description" content={t("app.tagline")} />
        <Meta />
        <Links />
      </head>
      <body>
        <Shell user={data?.user ?? null} family={data?.family ?? null} locale={locale}>
          {children}
        </Shell>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  return <ErrorPage />;
}

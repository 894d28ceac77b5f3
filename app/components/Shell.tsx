import { Form, Link, NavLink, useLocation } from "@remix-run/react";
import type { ReactNode } from "react";
import { useT } from "../i18n/use-t";
import { locales, type Locale } from "../lib/enums";

export interface ShellUser {
  name: string;
  canAdminister: boolean;
  canStartLogs: boolean;
  /** Leads a service: the header links to the leader's overview. */
  isLeader: boolean;
  /** The BTI coordinator: the header links to the municipality's statistics. */
  isCoordinator: boolean;
  /** The BTI coordinator: the header links to the local action guide. */
  canEditGuide: boolean;
  /** Open reminders not yet seen in "Til deg" (issue 11). */
  inboxUnread: number;
}

/** A signed-in guardian or young person: their own, simpler menu. */
export interface ShellFamilyMember {
  name: string;
}

/** The page frame: skip link, header with menu, language switch and sign-out, main, footer. */
export function Shell({
  user,
  family = null,
  locale,
  children,
}: {
  user: ShellUser | null;
  family?: ShellFamilyMember | null;
  locale: Locale;
  children: ReactNode;
}) {
  const { t } = useT();
  const location = useLocation();
  // Every other language of the interface, each its own one-button form (works without JavaScript).
  const others = locales.filter((l) => l !== locale);
  const navClass = ({ isActive }: { isActive: boolean }) =>
    `rounded px-2 py-1 text-white no-underline hover:bg-brand-800 hover:text-white ${isActive ? "bg-brand-900 underline" : ""}`;
  return (
    <>
      <a href="#main" className="skip-link">
        {t("shell.skipToContent")}
      </a>
      <header className="bg-brand-700 text-white no-print">
        <div className="container-page flex flex-wrap items-center justify-between gap-x-6 gap-y-2 py-3">
          <Link to={family ? "/family" : "/"} className="text-xl font-bold text-white no-underline hover:text-white">
            {t("app.name")}
          </Link>
          <div className="flex flex-wrap items-center gap-3">
            {others.map((other) => (
              <Form key={other} method="post" action="/language" className="flex items-center gap-2">
                <input type="hidden" name="locale" value={other} />
                <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
                <button
                  type="submit"
                  className="btn-link !text-white"
                  lang={other}
                  aria-label={`${t("shell.changeLanguage")}: ${t(`locales.${other}`)}`}
                >
                  {t(`locales.${other}`)}
                </button>
              </Form>
            ))}
            {user || family ? (
              <Form method="post" action="/logout">
                <button type="submit" className="btn border-2 border-white bg-transparent text-white hover:bg-brand-800">
                  {t("shell.signOut")}
                </button>
              </Form>
            ) : null}
          </div>
        </div>
        {user ? (
          <nav aria-label={t("shell.mainNav")} className="border-t border-brand-800">
            <ul className="container-page flex flex-wrap gap-2 py-2">
              <li>
                <NavLink to="/" end className={navClass}>
                  {t("shell.home")}
                </NavLink>
              </li>
              <li>
                <NavLink to="/inbox" className={navClass}>
                  {/* On the inbox itself everything shown is being read: no count there. */}
                  {user.inboxUnread > 0 && location.pathname !== "/inbox"
                    ? t("reminders.navUnread", { count: user.inboxUnread })
                    : t("reminders.nav")}
                </NavLink>
              </li>
              {user.canStartLogs ? (
                <li>
                  <NavLink to="/consultations" className={navClass}>
                    {t("consultations.nav")}
                  </NavLink>
                </li>
              ) : null}
              {user.isLeader ? (
                <li>
                  <NavLink to="/leder" className={navClass}>
                    {t("leader.nav")}
                  </NavLink>
                </li>
              ) : null}
              {user.isCoordinator ? (
                <li>
                  <NavLink to="/koordinator" className={navClass}>
                    {t("coordinator.nav")}
                  </NavLink>
                </li>
              ) : null}
              {user.canEditGuide ? (
                <li>
                  <NavLink to="/veileder" className={navClass}>
                    {t("guide.nav")}
                  </NavLink>
                </li>
              ) : null}
              {user.canAdminister ? (
                <li>
                  <NavLink to="/admin" className={navClass}>
                    {t("shell.admin")}
                  </NavLink>
                </li>
              ) : null}
              <li>
                <NavLink to="/settings" className={navClass}>
                  {t("settings.nav")}
                </NavLink>
              </li>
              <li className="ml-auto self-center text-sm text-brand-50">{t("shell.signedInAs", { name: user.name })}</li>
            </ul>
          </nav>
        ) : null}
        {family ? (
          <nav aria-label={t("shell.mainNav")} className="border-t border-brand-800">
            <ul className="container-page flex flex-wrap gap-2 py-2">
              <li>
                <NavLink to="/family" end className={navClass}>
                  {t("family.nav.home")}
                </NavLink>
              </li>
              <li className="ml-auto self-center text-sm text-brand-50">{t("family.nav.signedInAs", { name: family.name })}</li>
            </ul>
          </nav>
        ) : null}
      </header>
      <main id="main" tabIndex={-1} className="container-page py-6 focus:outline-none">
        {children}
      </main>
      <footer className="container-page py-6 text-sm text-slate-600 no-print">{t("shell.footer")}</footer>
    </>
  );
}

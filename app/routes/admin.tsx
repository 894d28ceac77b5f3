import type { LoaderFunctionArgs } from "@remix-run/node";
import { NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { useT } from "../i18n/use-t";
import { requireActor } from "../domain/auth/guards.server";
import { can } from "../domain/auth/permissions";
import { AppError } from "../domain/errors.server";
import { guard } from "../route-helpers/http.server";
import { ErrorPage } from "../components/ErrorPage";

/** Administration: users (administrators) and the service catalogue (administrators, coordinators). */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  return guard(async () => {
    const users = can(actor, "users.manage");
    const services = can(actor, "services.manage");
    if (!users && !services) throw new AppError(403, "forbidden");
    return { users, services };
  });
}

export default function AdminLayout() {
  const { users, services } = useLoaderData<typeof loader>();
  const { t } = useT();
  const linkClass = ({ isActive }: { isActive: boolean }) =>
    `rounded px-3 py-2 ${isActive ? "bg-brand-100 font-semibold" : ""}`;
  return (
    <div className="stack">
      <nav aria-label={t("admin.subnav")} className="no-print">
        <ul className="flex flex-wrap gap-2">
          {users ? (
            <li>
              <NavLink to="/admin/users" className={linkClass}>
                {t("shell.users")}
              </NavLink>
            </li>
          ) : null}
          {services ? (
            <li>
              <NavLink to="/admin/services" className={linkClass}>
                {t("shell.services")}
              </NavLink>
            </li>
          ) : null}
        </ul>
      </nav>
      <Outlet />
    </div>
  );
}

export const ErrorBoundary = ErrorPage;

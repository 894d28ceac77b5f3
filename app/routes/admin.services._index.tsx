import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useT } from "../i18n/use-t";
import { requireActor, requireCapability } from "../domain/auth/guards.server";
import { listServices } from "../domain/people/services.server";
import { getLocale } from "../i18n/locale.server";
import { pageTitle } from "../i18n/meta";
import { guard } from "../route-helpers/http.server";

export const meta: MetaFunction = (args) => pageTitle(args, "admin.services.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  return guard(async () => {
    requireCapability(actor, "services.manage");
    return { services: await listServices(actor, getLocale(request)) };
  });
}

export default function ServicesList() {
  const { services } = useLoaderData<typeof loader>();
  const { t } = useT();
  return (
    <div className="stack">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1>{t("admin.services.title")}</h1>
        <Link to="/admin/services/new" className="btn-primary">
          {t("admin.services.new")}
        </Link>
      </div>
      <div className="table-wrap card">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t("admin.services.name")}</th>
              <th scope="col">{t("admin.services.kind")}</th>
              <th scope="col">{t("admin.services.members")}</th>
              <th scope="col">{t("admin.services.status")}</th>
            </tr>
          </thead>
          <tbody>
            {services.map((s) => (
              <tr key={s.id}>
                <td>
                  <Link to={`/admin/services/${s.id}`}>{s.name}</Link>
                </td>
                <td>{s.kindName}</td>
                <td>{s.members}</td>
                <td>{s.active ? t("admin.services.active") : <span className="badge">{t("admin.services.inactive")}</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

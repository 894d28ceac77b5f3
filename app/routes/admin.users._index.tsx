import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useT } from "../i18n/use-t";
import { requireActor } from "../domain/auth/guards.server";
import { listUsers } from "../domain/people/users.server";
import { pageTitle } from "../i18n/meta";
import { guard } from "../route-helpers/http.server";
import { Pagination } from "../components/ui/Pagination";
import { UserSearchSchema } from "../lib/schemas";

export const meta: MetaFunction = (args) => pageTitle(args, "admin.users.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const search = UserSearchSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return guard(async () => ({
    q: search.q ?? "",
    ...(await listUsers(actor, { query: search.q, page: search.page })),
  }));
}

export default function UsersList() {
  const { users, q, page, pages, total } = useLoaderData<typeof loader>();
  const { t } = useT();
  const pageLink = (p: number) => `?${new URLSearchParams({ ...(q ? { q } : {}), page: String(p) })}`;
  return (
    <div className="stack">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1>{t("admin.users.title")}</h1>
        <Link to="/admin/users/new" className="btn-primary">
          {t("admin.users.new")}
        </Link>
      </div>
      <Form method="get" role="search" className="flex flex-wrap items-end gap-2">
        <div className="field grow">
          <label htmlFor="user-search">{t("admin.users.search")}</label>
          <input id="user-search" name="q" type="search" defaultValue={q} className="input" maxLength={100} />
        </div>
        <button type="submit" className="btn-secondary">
          {t("admin.users.searchButton")}
        </button>
      </Form>
      <p aria-live="polite">{t("admin.users.count", { count: total })}</p>
      {users.length === 0 ? (
        <p>{t("admin.users.none")}</p>
      ) : (
        <div className="table-wrap card">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("admin.users.name")}</th>
                <th scope="col">{t("admin.users.email")}</th>
                <th scope="col">{t("admin.users.roles")}</th>
                <th scope="col">{t("admin.users.status")}</th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <tr key={u.id}>
                  <td>
                    <Link to={`/admin/users/${u.id}`}>{u.name}</Link>
                  </td>
                  <td className="break-all">{u.email}</td>
                  <td>
                    {[u.isAdministrator ? t("roles.administrator") : null, u.isCoordinator ? t("roles.coordinator") : null]
                      .filter(Boolean)
                      .join(", ")}
                  </td>
                  <td>
                    {u.active ? t("admin.users.active") : <span className="badge">{t("admin.users.inactive")}</span>}
                    {u.active && !u.hasPassword ? (
                      <>
                        <br />
                        <span className="text-sm">{t("admin.users.noPassword")}</span>
                      </>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page} pages={pages} href={pageLink} />
    </div>
  );
}

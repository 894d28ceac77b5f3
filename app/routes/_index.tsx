import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useT } from "../i18n/use-t";
import { requireActor } from "../domain/auth/guards.server";
import { can, rolesOf } from "../domain/auth/permissions";
import { MyLogs } from "../components/logs/MyLogs";
import { WaitingForYou } from "../components/logs/WaitingForYou";
import { InboxSummary } from "../components/reminders/ReminderItem";
import { inboxPreview } from "../domain/reminders/inbox.server";
import { Notice } from "../components/ui/Notice";
import { myHandovers } from "../domain/logs/handovers.server";
import { myLogInvitations, overdueLogInvitationsInMyServices } from "../domain/logs/log-invitations.server";
import { orphanedLogs } from "../domain/logs/orphaned-logs.server";
import { listMyLogs } from "../domain/logs/lists.server";
import { listServiceMembers, listServices } from "../domain/people/services.server";
import { HomeFilterSchema } from "../lib/log-schemas";
import { peopleCounts } from "../domain/people/users.server";
import { getLocale } from "../i18n/locale.server";
import { pageTitle } from "../i18n/meta";

export const meta: MetaFunction<typeof loader> = (args) => pageTitle(args, "home.greeting", { name: args.data?.name ?? "" });

/** One home page that shows a section for each role the person has (DESIGN.md §3). */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const locale = getLocale(request);
  const ledServices = actor.memberships.filter((m) => m.role === "leader");
  const services = can(actor, "services.manage") || actor.isCoordinator ? await listServices(actor, locale) : null;
  const filter = HomeFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const showLogs = can(actor, "logs.start");
  return {
    filter: { level: filter.level, state: filter.state, q: filter.q },
    myLogs: showLogs ? await listMyLogs(actor, filter) : null,
    inbox: await inboxPreview(actor),
    waiting: {
      invitations: await myLogInvitations(actor),
      handovers: await myHandovers(actor),
      orphaned: await orphanedLogs(actor),
      overdueInService: await overdueLogInvitationsInMyServices(actor),
    },
    name: actor.name,
    roles: rolesOf(actor),
    memberships: actor.memberships.map((m) => ({ serviceName: m.serviceName, role: m.role })),
    canStartLogs: can(actor, "logs.start"),
    led: await Promise.all(
      ledServices.map(async (m) => ({
        serviceId: m.serviceId,
        serviceName: m.serviceName,
        members: await listServiceMembers(actor, m.serviceId),
      })),
    ),
    coordinator: actor.isCoordinator
      ? {
          activeServices: services?.filter((s) => s.active).length ?? 0,
          canManageServices: can(actor, "services.manage"),
        }
      : null,
    admin: can(actor, "users.manage") ? await peopleCounts(actor) : null,
  };
}

export default function Home() {
  const data = useLoaderData<typeof loader>();
  const { t } = useT();
  const [params] = useSearchParams();
  const notice = (["declined", "left"] as const).find((n) => n === params.get("notice"));
  return (
    <div className="stack">
      <h1>{t("home.greeting", { name: data.name })}</h1>
      {data.roles.length === 0 ? <p>{t("home.noRoles")}</p> : null}
      {data.roles.length > 0 ? (
        <p>
          <span className="font-semibold">{t("home.yourRoles")}: </span>
          {data.roles.map((r) => t(`roles.${r}`)).join(", ")}
        </p>
      ) : null}
      {notice ? <Notice>{t(`collab.notice.${notice}`)}</Notice> : null}
      <InboxSummary items={data.inbox.items} total={data.inbox.total} />
      <WaitingForYou {...data.waiting} />
      {data.myLogs ? <MyLogs {...data.myLogs} filter={data.filter} canStart={data.canStartLogs} /> : null}
      {data.memberships.length > 0 ? (
        <section aria-labelledby="services-heading" className="card stack">
          <h2 id="services-heading">{t("home.yourServices")}</h2>
          <ul className="list-disc pl-6">
            {data.memberships.map((m) => (
              <li key={m.serviceName}>
                {m.serviceName} – {t(`membershipRoles.${m.role}`)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {data.led.map((service) => (
        <section key={service.serviceId} aria-labelledby={`led-${service.serviceId}`} className="card stack">
          <h2 id={`led-${service.serviceId}`}>{t("home.leader.title", { service: service.serviceName })}</h2>
          <p>
            <Link to={data.led.length > 1 ? `/leder?service=${service.serviceId}` : "/leder"}>
              {t("leader.homeLink")}
              <span className="sr-only"> {t("leader.forService", { service: service.serviceName })}</span>
            </Link>
          </p>
          {service.members.length === 0 ? (
            <p>{t("home.leader.none")}</p>
          ) : (
            <ul className="list-disc pl-6">
              {service.members.map((m) => (
                <li key={m.userId}>
                  {m.name}
                  {m.title ? `, ${m.title}` : ""} – {t(`membershipRoles.${m.role}`)}
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
      {data.coordinator ? (
        <section aria-labelledby="coordinator-heading" className="card stack">
          <h2 id="coordinator-heading">{t("home.coordinator.title")}</h2>
          <h3>{t("home.coordinator.statistics")}</h3>
          <p>{t("home.coordinator.statisticsIntro")}</p>
          <p>
            <Link to="/koordinator">{t("coordinator.homeLink")}</Link>
          </p>
          <h3>{t("home.coordinator.catalogue")}</h3>
          <p>{t("home.coordinator.whatYouCanDo")}</p>
          <p>{t("home.coordinator.catalogueSummary", { count: data.coordinator.activeServices })}</p>
          {data.coordinator.canManageServices ? (
            <p>
              <Link to="/admin/services">{t("home.coordinator.manageServices")}</Link>
            </p>
          ) : null}
        </section>
      ) : null}
      {data.admin ? (
        <section aria-labelledby="admin-heading" className="card stack">
          <h2 id="admin-heading">{t("home.admin.title")}</h2>
          <p>{t("home.admin.noLogContent")}</p>
          <dl className="grid grid-cols-1 gap-3 sm:grid-cols-3">
            <div className="rounded border border-slate-200 p-3">
              <dt className="text-sm">{t("home.admin.activeUsers")}</dt>
              <dd className="text-2xl font-bold">{data.admin.activeUsers}</dd>
            </div>
            <div className="rounded border border-slate-200 p-3">
              <dt className="text-sm">{t("home.admin.activeServices")}</dt>
              <dd className="text-2xl font-bold">{data.admin.activeServices}</dd>
            </div>
            <div className="rounded border border-slate-200 p-3">
              <dt className="text-sm">{t("home.admin.awaitingPassword")}</dt>
              <dd className="text-2xl font-bold">{data.admin.awaitingPassword}</dd>
            </div>
          </dl>
          <p className="flex flex-wrap gap-4">
            <Link to="/admin/users">{t("home.admin.manageUsers")}</Link>
            <Link to="/admin/services">{t("home.admin.manageServices")}</Link>
          </p>
        </section>
      ) : null}
    </div>
  );
}

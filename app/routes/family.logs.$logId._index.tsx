import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useT } from "../i18n/use-t";
import { EventItem } from "../components/logs/EventItem";
import { useDates } from "../components/logs/format";
import { LevelBadge } from "../components/logs/LogBits";
import { MeetingsSection } from "../components/logs/MeetingsSection";
import { Notice } from "../components/ui/Notice";
import { requireFamilyMember } from "../domain/family/guards.server";
import { familyLogView } from "../domain/family/pages.server";
import { pageTitle } from "../i18n/meta";
import { guard } from "../route-helpers/http.server";
import { ErrorPage } from "../components/ErrorPage";
import { responsibleLabel } from "../lib/responsible";

export const meta: MetaFunction<typeof loader> = (args) =>
  pageTitle(args, "family.log.title", { child: args.data?.childName ?? "" });

const notices = ["saved", "consentGiven", "consentRenewed", "consentWithdrawn", "consentWithdrawnStillIn", "closed"] as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireFamilyMember(request);
  const page = Number(new URL(request.url).searchParams.get("page")) || 1;
  return guard(() => familyLogView(member, params.logId ?? "", { page }));
}

/** One log as the family sees it: plain words first, then everything written that they may read. */
export default function FamilyLog() {
  const data = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const { t } = useT();
  const { date } = useDates();
  const notice = notices.find((n) => n === params.get("notice"));
  const open = data.log.state === "open";
  const base = `/family/logs/${data.log.id}`;
  return (
    <div className="stack max-w-3xl">
      <h1>{t("family.log.title", { child: data.childName })}</h1>
      {notice ? <Notice>{t(`family.notices.${notice}`)}</Notice> : null}
      {!open && data.log.closeReason ? (
        <Notice tone="info">{t("family.log.closed", { reason: t(`logs.closeReasons.${data.log.closeReason}`) })}</Notice>
      ) : null}

      <section aria-labelledby="now" className="card stack">
        <h2 id="now">{t("family.log.now")}</h2>
        <p>
          <LevelBadge level={data.log.level} />
        </p>
        <p>{t(`family.levels.${data.log.level as 0 | 1 | 2 | 3}`)}</p>
      </section>

      <section aria-labelledby="contact" className="card stack">
        <h2 id="contact">{t("family.log.contact")}</h2>
        <p>{t("family.log.contactIntro")}</p>
        <p>
          <strong>{data.holder.name}</strong>, {data.holder.serviceName}
        </p>
        <p>
          <a href={`mailto:${data.holder.email}`}>{t("family.log.mail", { name: data.holder.name })}</a>
        </p>
        <h3>{t("family.log.services")}</h3>
        <ul className="list-disc pl-6">
          {data.services.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="actions" className="stack">
        <h2 id="actions">{t("family.log.actions")}</h2>
        {data.actions.length === 0 ? (
          <p>{t("family.log.noActions")}</p>
        ) : (
          <ul className="stack">
            {data.actions.map((a) => (
              <li key={a.id} className="card">
                <h3 className="text-base">{a.description}</h3>
                <dl className="mt-2 grid gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
                  <dt className="font-semibold">{t("family.log.goal")}</dt>
                  <dd>{a.goal}</dd>
                  <dt className="font-semibold">{t("family.log.responsible")}</dt>
                  <dd>{responsibleLabel(t, a)}</dd>
                  <dt className="font-semibold">{t("family.log.evaluateOn")}</dt>
                  <dd>{date(a.evaluateOn)}</dd>
                </dl>
              </li>
            ))}
          </ul>
        )}
      </section>

      <MeetingsSection logId={data.log.id} meetings={data.meetings} />

      <nav aria-labelledby="your-part" className="card stack">
        <h2 id="your-part">{t("family.log.yourPart")}</h2>
        <ul className="stack">
          {open ? (
            <>
              <li>
                <Link to={`${base}/entry?kind=view`}>
                  {data.role === "young_person" ? t("family.log.writeViewYoung") : t("family.log.writeViewGuardian")}
                </Link>
              </li>
              <li>
                <Link to={`${base}/entry?kind=note`}>{t("family.log.writeNote")}</Link>
              </li>
            </>
          ) : null}
          <li>
            <Link to={`${base}/consents`}>{t("family.log.consents")}</Link>
          </li>
          <li>
            <Link to={`${base}/readers`}>{t("family.log.readers")}</Link>
          </li>
          {open && data.role === "guardian" ? (
            <li>
              <Link to={`${base}/close`}>{t("family.log.close")}</Link>
            </li>
          ) : null}
        </ul>
      </nav>

      <section aria-labelledby="timeline" className="stack">
        <h2 id="timeline">{t("family.log.timeline")}</h2>
        <p>{t("family.log.timelineIntro")}</p>
        {data.events.length === 0 ? (
          <p>{t("family.log.none")}</p>
        ) : (
          <ol className="stack">
            {data.events.map((event) => (
              <li key={event.id}>
                <EventItem event={event} logId={data.log.id} />
              </li>
            ))}
          </ol>
        )}
        {data.page > 1 || data.hasMore ? (
          <p className="flex gap-6">
            {data.page > 1 ? <Link to={`?page=${data.page - 1}#timeline`}>{t("family.log.newer")}</Link> : null}
            {data.hasMore ? <Link to={`?page=${data.page + 1}#timeline`}>{t("family.log.older")}</Link> : null}
          </p>
        ) : null}
      </section>
    </div>
  );
}

export const ErrorBoundary = ErrorPage;

import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useT } from "../i18n/use-t";
import * as z from "zod/mini";
import { useDates } from "../components/logs/format";
import { requireFamilyMember } from "../domain/family/guards.server";
import { familyLogPage, familyReaders } from "../domain/family/pages.server";
import { pageTitle } from "../i18n/meta";
import { guard } from "../route-helpers/http.server";
import { ErrorPage } from "../components/ErrorPage";

export const meta: MetaFunction = (args) => pageTitle(args, "family.readers.title");

const Id = z.catch(z.optional(z.string().check(z.regex(/^[a-z0-9]{1,40}$/))), undefined);
const ReadersQuery = z.object({ person: Id, before: Id });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireFamilyMember(request);
  const query = ReadersQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  return guard(() =>
    familyLogPage(member, params.logId ?? "", { purpose: "readers", need: "read" }, (access) => familyReaders(access, query)),
  );
}

type Reader = ReturnType<typeof useLoaderData<typeof loader>>["people"][number];

/** "Who has read our log" (innsyn): one entry per person — service, how often, when last — with each read on demand. */
export default function FamilyReaders() {
  const { log, people, person, paged } = useLoaderData<typeof loader>();
  const { t } = useT();
  const { dateTime } = useDates();
  const who = (r: Reader) => `${r.family ? t("family.readers.family", { name: r.name }) : r.name}${r.serviceName ? `, ${r.serviceName}` : ""}`;
  const times = (count: number) => (count === 1 ? t("family.readers.timesOne") : t("family.readers.times", { count }));
  const reads = (r: Reader) => (
    <ol className="mt-2 list-disc pl-6">
      {r.reads.map((read) => (
        <li key={read.id}>
          {t(`family.readers.kinds.${read.what}`)} · <time dateTime={read.at}>{dateTime(read.at)}</time>
          {read.serviceName && read.serviceName !== r.serviceName ? ` · ${read.serviceName}` : ""}
        </li>
      ))}
    </ol>
  );
  const base = `/family/logs/${log.id}/readers`;
  return (
    <div className="stack max-w-3xl">
      <p className="text-sm">
        <Link to={`/family/logs/${log.id}`}>{t("family.log.title", { child: log.childName })}</Link>
      </p>
      <h1>{t("family.readers.title")}</h1>
      {person ? (
        <>
          <p>
            <Link to={base}>{t("family.readers.backToAll")}</Link>
          </p>
          <h2>{t("family.readers.personTitle", { name: who(person) })}</h2>
          <p>{times(person.count)}</p>
          {reads(person)}
          <p className="flex gap-6">
            {paged ? <Link to={`?person=${person.userId}`}>{t("family.readers.newest")}</Link> : null}
            {person.hasMore && person.reads.length ? (
              <Link to={`?person=${person.userId}&before=${person.reads[person.reads.length - 1]!.id}`}>{t("family.readers.older")}</Link>
            ) : null}
          </p>
        </>
      ) : (
        <>
          <p>{t("family.readers.intro")}</p>
          {people.length === 0 ? (
            <p>{t("family.readers.none")}</p>
          ) : (
            <ol className="stack" aria-label={t("family.readers.title")}>
              {people.map((r) => (
                <li key={r.userId} className="card">
                  <p className="font-semibold">{who(r)}</p>
                  <p>
                    {t(`family.readers.kinds.${r.reads[0]?.what ?? "view"}`)} · {times(r.count)} ·{" "}
                    {t("family.readers.last", { date: dateTime(r.lastAt) })}
                  </p>
                  <details className="mt-2">
                    <summary className="cursor-pointer font-semibold text-brand-700 underline underline-offset-2">
                      {t("family.readers.details")}
                      <span className="sr-only">: {r.name}</span>
                    </summary>
                    {reads(r)}
                    {r.hasMore ? (
                      <p className="mt-2">
                        <Link to={`?person=${r.userId}`}>{t("family.readers.allReads", { count: r.count })}</Link>
                      </p>
                    ) : null}
                  </details>
                </li>
              ))}
            </ol>
          )}
        </>
      )}
    </div>
  );
}

export const ErrorBoundary = ErrorPage;

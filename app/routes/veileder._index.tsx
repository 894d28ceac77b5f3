import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useT } from "../i18n/use-t";
import { ErrorPage } from "../components/ErrorPage";
import { Notice } from "../components/ui/Notice";
import { requireActor } from "../domain/auth/guards.server";
import { createDraft, guideOverview } from "../domain/guide-editor.server";
import { formatDate, formatDateTime } from "../i18n/format";
import { pageTitle } from "../i18n/meta";
import type { Locale } from "../lib/enums";
import { guard } from "../route-helpers/http.server";
import { useGuideFieldLabels } from "../components/guide/field-labels";

export const meta: MetaFunction = (args) => pageTitle(args, "guide.title");

/** The coordinator's local action guide: versions and the audit trail (403 for anyone else). */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const notice = new URL(request.url).searchParams.get("notice");
  return guard(async () => ({ ...(await guideOverview(actor)), notice: notice === "deleted" ? notice : null }));
}

/** "Ny versjon": a draft copied from the latest version. */
export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  return guard(async () => {
    const { id } = await createDraft(actor);
    return redirect(`/veileder/${id}`);
  });
}

export default function GuidePage() {
  const data = useLoaderData<typeof loader>();
  const { t, i18n } = useT();
  const { label } = useGuideFieldLabels();
  const locale = i18n.language as Locale;
  const draft = data.versions.find((v) => v.state === "draft");
  const date = (iso: string) => (iso === "1970-01-01" ? t("guide.versions.epoch") : formatDate(new Date(`${iso}T12:00:00Z`), locale));
  return (
    <div className="stack">
      <h1>{t("guide.title")}</h1>
      {data.notice ? <Notice>{t("guide.form.deleted")}</Notice> : null}
      <p>{t("guide.intro")}</p>
      {draft ? (
        <p>
          <Link to={`/veileder/${draft.id}`}>{t("guide.openDraft")}</Link>
        </p>
      ) : (
        <Form method="post" className="stack">
          <p className="hint">{t("guide.newVersionHint")}</p>
          <div>
            <button type="submit" className="btn-primary">
              {t("guide.newVersion")}
            </button>
          </div>
        </Form>
      )}
      <h2>{t("guide.versions.title")}</h2>
      <table>
        <caption className="sr-only">{t("guide.versions.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("guide.versions.number")}</th>
            <th scope="col">{t("guide.versions.state")}</th>
            <th scope="col">{t("guide.versions.effectiveOn")}</th>
            <th scope="col">{t("guide.versions.publishedBy")}</th>
          </tr>
        </thead>
        <tbody>
          {data.versions.map((v) => (
            <tr key={v.id}>
              <td>
                <Link to={`/veileder/${v.id}`} aria-label={t("guide.versions.open", { version: v.number })}>
                  {v.number}
                </Link>
              </td>
              <td>
                {t(`guide.states.${v.state}`)}
                {v.id === data.inEffectId ? ` – ${t("guide.versions.inEffect")}` : ""}
                {v.upcoming ? ` – ${t("guide.versions.upcoming", { date: date(v.effectiveOn) })}` : ""}
              </td>
              <td>{date(v.effectiveOn)}</td>
              <td>{v.publishedBy ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t("guide.audit.title")}</h2>
      {data.audit.length === 0 ? (
        <p>{t("guide.audit.none")}</p>
      ) : (
        <table>
          <caption className="sr-only">{t("guide.audit.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("guide.audit.at")}</th>
              <th scope="col">{t("guide.audit.who")}</th>
              <th scope="col">{t("guide.audit.version")}</th>
              <th scope="col">{t("guide.audit.action")}</th>
              <th scope="col">{t("guide.audit.changes")}</th>
            </tr>
          </thead>
          <tbody>
            {data.audit.map((a) => (
              <tr key={a.id}>
                <td>{formatDateTime(new Date(a.at), locale)}</td>
                <td>{a.actor}</td>
                <td>{a.versionNumber}</td>
                <td>{t(`guide.actions.${a.action}`)}</td>
                <td>
                  <ul>
                    {a.changes.map((c) => (
                      <li key={c.field}>
                        {c.field === "copiedFrom"
                          ? t("guide.audit.copiedFrom", { version: c.to })
                          : t("guide.audit.change", { field: label(c.field), from: c.from ?? "", to: c.to ?? "" })}
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

export const ErrorBoundary = ErrorPage;

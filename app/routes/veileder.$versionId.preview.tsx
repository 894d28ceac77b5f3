import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useT } from "../i18n/use-t";
import { ErrorPage } from "../components/ErrorPage";
import { requireActor } from "../domain/auth/guards.server";
import { previewVersion } from "../domain/guide-editor.server";
import { formatDate } from "../i18n/format";
import { getLocale } from "../i18n/locale.server";
import { pageTitle } from "../i18n/meta";
import type { Locale } from "../lib/enums";
import { guard } from "../route-helpers/http.server";
import { useGuideFieldLabels } from "../components/guide/field-labels";
import { guideSettingFields } from "../lib/guide-schemas";

export const meta: MetaFunction<typeof loader> = (args) =>
  args.data ? pageTitle(args, "guide.preview.title", { version: args.data.version.number }) : pageTitle(args, "guide.title");

/** "Forhåndsvis": a version as a holder would see it, with its differences from the version in effect. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  return guard(() => previewVersion(actor, params.versionId ?? "", getLocale(request)));
}

/** The settings a holder would notice (the date and the note are shown apart). */
const settingKeys = guideSettingFields.filter((k) => k !== "effectiveOn" && k !== "note");

export default function GuidePreview() {
  const { version, levels, against, changes } = useLoaderData<typeof loader>();
  const { t, i18n } = useT();
  const { label } = useGuideFieldLabels();
  const date = (iso: string) =>
    iso === "1970-01-01" ? t("guide.versions.epoch") : formatDate(new Date(`${iso}T12:00:00Z`), i18n.language as Locale);
  return (
    <div className="stack">
      <p>
        <Link to={`/veileder/${version.id}`}>{t("guide.preview.edit")}</Link>
      </p>
      <h1>{t("guide.preview.title", { version: version.number })}</h1>
      <p>{t("guide.preview.intro", { date: date(version.effectiveOn) })}</p>
      <h2>{t("guide.preview.settings")}</h2>
      <dl className="card">
        {settingKeys.map((k) => (
          <div key={k}>
            <dt>{t(`guide.form.${k}`)}</dt>
            <dd>{String(version[k])}</dd>
          </div>
        ))}
      </dl>
      {levels.map((l) => (
        <section key={l.level} className="card stack" aria-labelledby={`level-${l.level}`}>
          <h2 id={`level-${l.level}`}>
            {t("guide.form.levelHeading", { level: l.level })}: {l.name}
          </h2>
          <p>{l.description}</p>
          <h3>{t("guide.preview.checklist")}</h3>
          {l.steps.length === 0 ? (
            <p>{t("guide.preview.noSteps")}</p>
          ) : (
            <ul>
              {l.steps.map((s) => (
                <li key={s.id}>{s.text}</li>
              ))}
            </ul>
          )}
        </section>
      ))}
      <h2>{t("guide.preview.changes", { version: against.number })}</h2>
      {changes.length === 0 ? (
        <p>{t("guide.preview.noChanges")}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t("guide.preview.field")}</th>
              <th scope="col">{t("guide.preview.from")}</th>
              <th scope="col">{t("guide.preview.to")}</th>
            </tr>
          </thead>
          <tbody>
            {changes.map((c) => (
              <tr key={c.field}>
                <td>{label(c.field)}</td>
                <td>{String(c.from ?? "")}</td>
                <td>{String(c.to ?? "")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

export const ErrorBoundary = ErrorPage;

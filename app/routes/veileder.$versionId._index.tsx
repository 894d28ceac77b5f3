import { parseWithZod } from "../lib/conform-zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useT } from "../i18n/use-t";
import { ErrorPage } from "../components/ErrorPage";
import { GuideDraftForm } from "../components/guide/GuideDraftForm";
import { Notice } from "../components/ui/Notice";
import { translateError } from "../components/ui/messages";
import { requireActor } from "../domain/auth/guards.server";
import { isAppError } from "../domain/errors.server";
import { deleteDraft, guideVersionForm, publishDraft, saveDraft } from "../domain/guide-editor.server";
import { pageTitle } from "../i18n/meta";
import { GuideDraftSchema } from "../lib/guide-schemas";
import { guard, toErrorResponse, withFormErrors } from "../route-helpers/http.server";

export const meta: MetaFunction<typeof loader> = (args) =>
  args.data
    ? pageTitle(args, args.data.version.state === "draft" ? "guide.form.titleDraft" : "guide.form.titlePublished", {
        version: args.data.version.number,
      })
    : pageTitle(args, "guide.title");

const notices = ["saved", "published"] as const;

/** One version of the local guide: a draft is edited here; a published one is shown read-only. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const notice = new URL(request.url).searchParams.get("notice");
  return guard(async () => ({
    ...(await guideVersionForm(actor, params.versionId ?? "")),
    notice: notices.find((n) => n === notice) ?? null,
  }));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const versionId = params.versionId ?? "";
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (intent === "publish" || intent === "delete") {
    try {
      if (intent === "publish") await publishDraft(actor, versionId);
      else await deleteDraft(actor, versionId);
    } catch (error) {
      // An input error (the date has passed, the version is already published) is said at the top.
      if (isAppError(error) && (error.status === 400 || error.status === 409)) {
        return data({ status: "error" as const, refused: `errors.${error.code}` }, { status: error.status });
      }
      throw toErrorResponse(error);
    }
    return redirect(intent === "publish" ? `/veileder/${versionId}?notice=published` : "/veileder?notice=deleted");
  }
  const submission = parseWithZod(formData, { schema: GuideDraftSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  return withFormErrors(submission, async () => {
    await saveDraft(actor, versionId, submission.value);
    return redirect(`/veileder/${versionId}?notice=saved`);
  });
}

export default function GuideVersionPage() {
  const { version, values, notice } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useT();
  const refused = result && "refused" in result ? result.refused : null;
  const draft = version.state === "draft";
  return (
    <div className="stack">
      <p>
        <Link to="/veileder">{t("guide.form.back")}</Link>
      </p>
      <h1>{t(draft ? "guide.form.titleDraft" : "guide.form.titlePublished", { version: version.number })}</h1>
      {notice ? <Notice>{t(`guide.form.${notice}`)}</Notice> : null}
      {refused ? (
        <div role="alert" className="field-error">
          <p>{translateError(t, refused)}</p>
        </div>
      ) : null}
      <p>
        <Link to={`/veileder/${version.id}/preview`}>{t("guide.form.preview")}</Link>
      </p>
      {draft ? (
        <>
          <GuideDraftForm lastResult={result && !("refused" in result) ? result : undefined} defaultValue={values} />
          <Form method="post" className="card stack">
            <input type="hidden" name="intent" value="publish" />
            <p className="hint">{t("guide.form.publishHint")}</p>
            <div>
              <button type="submit" className="btn-primary">
                {t("guide.form.publish")}
              </button>
            </div>
          </Form>
          <Form method="post">
            <input type="hidden" name="intent" value="delete" />
            <button type="submit" className="btn-secondary">
              {t("guide.form.delete")}
            </button>
          </Form>
        </>
      ) : (
        <p>{t("guide.form.publishedReadOnly")}</p>
      )}
    </div>
  );
}

export const ErrorBoundary = ErrorPage;

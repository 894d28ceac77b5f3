import { parseWithZod } from "../lib/conform-zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useT } from "../i18n/use-t";
import { AnswerForm } from "../components/logs/AnswerForm";
import { requireActor } from "../domain/auth/guards.server";
import { answerHandover, handoverForTarget } from "../domain/logs/handovers.server";
import { pageTitle } from "../i18n/meta";
import { AnswerSchema } from "../lib/collaboration-schemas";
import { guard, withFormErrors } from "../route-helpers/http.server";
import { ErrorPage } from "../components/ErrorPage";

export const meta: MetaFunction = (args) => pageTitle(args, "collab.handover.answerTitle");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  return guard(() => handoverForTarget(actor, params.handoverId ?? ""));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const submission = parseWithZod(await request.formData(), { schema: AnswerSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  return withFormErrors(submission, async () => {
    const accept = submission.value.answer === "accept";
    const { logId } = await answerHandover(actor, params.handoverId ?? "", { accept, reason: submission.value.reason });
    return redirect(accept ? `/logs/${logId}?notice=handoverAccepted` : "/?notice=declined");
  });
}

/** The proposed holder accepts or declines the relay. */
export default function AnswerHandover() {
  const handover = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useT();
  return (
    <div className="stack max-w-2xl">
      <p>
        <Link to="/">← {t("logs.page.back")}</Link>
      </p>
      <h1>{t("collab.handover.answerTitle")}</h1>
      <p>{t("collab.handover.answerIntro", { from: handover.from, child: handover.childName, service: handover.toServiceName })}</p>
      <blockquote className="card whitespace-pre-wrap">{handover.message}</blockquote>
      <AnswerForm id="answer-handover" lastResult={lastResult} />
    </div>
  );
}

export const ErrorBoundary = ErrorPage;

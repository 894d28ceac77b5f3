import { parseWithZod } from "../lib/conform-zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useT } from "../i18n/use-t";
import { AnswerForm } from "../components/logs/AnswerForm";
import { useDates } from "../components/logs/format";
import { Notice } from "../components/ui/Notice";
import { requireActor } from "../domain/auth/guards.server";
import { answerLogInvitation, logInvitationForInvitee } from "../domain/logs/log-invitations.server";
import { pageTitle } from "../i18n/meta";
import { AnswerSchema } from "../lib/collaboration-schemas";
import { guard, withFormErrors } from "../route-helpers/http.server";
import { ErrorPage } from "../components/ErrorPage";

export const meta: MetaFunction = (args) => pageTitle(args, "collab.invitation.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  return guard(() => logInvitationForInvitee(actor, params.invitationId ?? ""));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const submission = parseWithZod(await request.formData(), { schema: AnswerSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  return withFormErrors(submission, async () => {
    const accept = submission.value.answer === "accept";
    const { logId } = await answerLogInvitation(actor, params.invitationId ?? "", { accept, reason: submission.value.reason });
    return redirect(accept ? `/logs/${logId}?notice=accepted` : "/?notice=declined");
  });
}

/** The invitee accepts or declines (with a reason). */
export default function AnswerInvitation() {
  const invitation = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useT();
  const { date } = useDates();
  return (
    <div className="stack max-w-2xl">
      <p>
        <Link to="/">← {t("logs.page.back")}</Link>
      </p>
      <h1>{t("collab.invitation.title")}</h1>
      {invitation.log ? (
        <p>{t("collab.invitation.from", { name: invitation.invitedBy, child: invitation.log.child, service: invitation.serviceName })}</p>
      ) : (
        <>
          <p>{t("collab.invitation.fromHidden", { name: invitation.invitedBy, service: invitation.serviceName })}</p>
          <Notice tone="info">{t("collab.home.invitationNotCovered")}</Notice>
        </>
      )}
      {invitation.message !== null ? <blockquote className="card whitespace-pre-wrap">{invitation.message}</blockquote> : null}
      <p>{t("collab.home.respondBy", { date: date(invitation.respondBy) })}</p>
      {invitation.overdue ? <Notice tone="info">{t("collab.invite.overdue")}</Notice> : null}
      <AnswerForm id="answer-invitation" lastResult={lastResult} />
    </div>
  );
}

export const ErrorBoundary = ErrorPage;

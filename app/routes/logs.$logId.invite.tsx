import { useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "../lib/conform-zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useT } from "../i18n/use-t";
import { FormShell } from "../components/logs/FormShell";
import { useDates } from "../components/logs/format";
import { LogFormHeading } from "../components/logs/LogBits";
import { SelectField, TextAreaField, TextField } from "../components/ui/Field";
import { requireActor } from "../domain/auth/guards.server";
import { fieldError, isAppError } from "../domain/errors.server";
import { guideInEffectNow } from "../domain/guide.server";
import { inviteOptions, inviteToLog } from "../domain/logs/log-invitations.server";
import { logForm } from "../domain/logs/log-page.server";
import { getLocale } from "../i18n/locale.server";
import { pageTitle } from "../i18n/meta";
import { InviteSchema } from "../lib/collaboration-schemas";
import { guard } from "../route-helpers/http.server";
import { backToLog, logFormAction } from "../route-helpers/log-route.server";
import { ErrorPage } from "../components/ErrorPage";

export const meta: MetaFunction = (args) => pageTitle(args, "collab.invite.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  return guard(async () => {
    const { log, candidates, missing } = await logForm(actor, params.logId ?? "", "hold", getLocale(request), inviteOptions);
    return { log, candidates, missing, days: (await guideInEffectNow()).invitationResponseDays };
  });
}

/** The domain names the person and the service apart; the form has one choice, "person". */
async function onPersonField<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (isAppError(error) && ["inviteeId", "serviceId"].includes(error.details.field ?? "")) throw fieldError("person", error.code);
    throw error;
  }
}

export const action = (args: ActionFunctionArgs) =>
  logFormAction(args, InviteSchema, async (actor, logId, value) => {
    await onPersonField(() =>
      inviteToLog(actor, logId, {
        inviteeId: value.person.userId,
        serviceId: value.person.serviceId,
        message: value.message,
        respondBy: value.respondBy || undefined,
      }),
    );
    return backToLog(logId, "invited");
  });

/** Invite a person from a service the consent covers. */
export default function Invite() {
  const { log, candidates, missing, days } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useT();
  const { date } = useDates();
  const why = (m: (typeof missing)[number]) => {
    const service = m.serviceName;
    switch (m.reason.kind) {
      case "partial":
        return t("collab.invite.missingPartial", { given: m.reason.given, required: m.reason.required, service });
      case "young_person_under_age":
        return t("collab.invite.missingYoung", { service });
      case "expired":
        return t("collab.invite.missingExpired", { service, date: date(m.reason.expiredOn) });
      case "refused":
        return t("collab.invite.missingRefused", { service });
    }
  };
  const [form, fields] = useForm({
    id: "invite",
    lastResult,
    constraint: getZodConstraint(InviteSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: InviteSchema }),
  });
  const labels = { person: t("collab.invite.person"), message: t("collab.invite.message"), respondBy: t("collab.invite.respondBy") };
  return (
    <div className="stack max-w-2xl">
      <LogFormHeading log={log} title={t("collab.invite.title")} />
      <p>{t("collab.invite.intro")}</p>
      <p className="hint">{t("collab.invite.readersNotOffered")}</p>
      <section aria-labelledby="invite-missing" className="card stack">
        <h2 id="invite-missing" className="text-lg">
          {t("collab.invite.missingTitle")}
        </h2>
        {missing.length > 0 ? (
          <ul className="stack" id="invite-missing-list">
            {missing.map((m) => (
              <li key={m.serviceId}>{why(m)}</li>
            ))}
          </ul>
        ) : null}
        <p>
          {t("collab.invite.missingNone")} <Link to={`/logs/${log.id}/consents/new`}>{t("collab.tools.consent")}</Link>
        </p>
      </section>
      {candidates.length === 0 ? (
        <p className="notice notice-info">{t("collab.invite.none")}</p>
      ) : (
        <FormShell form={form} fields={fields} labels={labels} logId={log.id} submitLabel={t("collab.invite.submit")}>
          <SelectField
            field={fields.person}
            label={labels.person}
            placeholder=""
            options={candidates.map((c) => ({ value: `${c.userId}:${c.serviceId}`, label: `${c.name} – ${c.serviceName}` }))}
          />
          <TextAreaField field={fields.message} label={labels.message} rows={3} />
          <TextField field={fields.respondBy} label={labels.respondBy} hint={t("collab.invite.respondByHint", { count: days })} type="date" />
        </FormShell>
      )}
    </div>
  );
}

export const ErrorBoundary = ErrorPage;

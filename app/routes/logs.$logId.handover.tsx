import { useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "../lib/conform-zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useT } from "../i18n/use-t";
import { FormShell } from "../components/logs/FormShell";
import { LogFormHeading } from "../components/logs/LogBits";
import { CheckboxField, SelectField, TextAreaField } from "../components/ui/Field";
import { requireActor } from "../domain/auth/guards.server";
import { fieldError, isAppError } from "../domain/errors.server";
import { handoverOutcomes, proposeHandover } from "../domain/logs/handovers.server";
import { collaborationCandidates } from "../domain/logs/participants.server";
import { logForm } from "../domain/logs/log-page.server";
import { getLocale } from "../i18n/locale.server";
import { pageTitle } from "../i18n/meta";
import { HandoverSchema } from "../lib/collaboration-schemas";
import { guard } from "../route-helpers/http.server";
import { backToLog, logFormAction } from "../route-helpers/log-route.server";
import { ErrorPage } from "../components/ErrorPage";

export const meta: MetaFunction = (args) => pageTitle(args, "collab.handover.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  return guard(async () => {
    return logForm(actor, params.logId ?? "", "hold", getLocale(request), async (access) => {
      const candidates = await collaborationCandidates(access);
      return { candidates, ...(await handoverOutcomes(access, candidates)) };
    });
  });
}

/** The domain names the person and the service apart; the form has one choice, "person". */
async function onPersonField<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (isAppError(error) && ["toUserId", "toServiceId"].includes(error.details.field ?? "")) throw fieldError("person", error.code);
    throw error;
  }
}

/**
 * A handover that will cut someone's access is proposed only once the holder has
 * confirmed that they read who (DESIGN.md rule 11; the domain enforces it).
 */
export const action = (args: ActionFunctionArgs) =>
  logFormAction(args, HandoverSchema, async (actor, logId, value) => {
    await onPersonField(() =>
      proposeHandover(actor, logId, {
        toUserId: value.person.userId,
        toServiceId: value.person.serviceId,
        message: value.message,
        confirmLoss: value.confirmLoss,
      }),
    );
    return backToLog(logId, "handover");
  });

/** Propose a new relay holder; the current one holds until it is accepted. */
export default function Handover() {
  const { log, candidates, outcomes, holderId, holderServiceName } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useT();
  const [form, fields] = useForm({
    id: "handover",
    lastResult,
    constraint: getZodConstraint(HandoverSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: HandoverSchema }),
  });
  const labels = {
    person: t("collab.handover.person"),
    message: t("collab.handover.message"),
    confirmLoss: t("collab.handover.confirmLoss"),
  };
  const anyLoss = outcomes.some((o) => o.losses.length > 0);
  return (
    <div className="stack max-w-2xl">
      <LogFormHeading log={log} title={t("collab.handover.title")} />
      <p>{t("collab.handover.intro")}</p>
      <FormShell form={form} fields={fields} labels={labels} logId={log.id} submitLabel={t("collab.handover.submit")}>
        <SelectField
          field={fields.person}
          label={labels.person}
          placeholder=""
          options={candidates.map((c) => ({ value: `${c.userId}:${c.serviceId}`, label: `${c.name} – ${c.serviceName}` }))}
        />
        {outcomes.length > 0 ? (
          <section aria-labelledby="handover-access" className="stack">
            <h2 id="handover-access" className="text-lg">
              {t("collab.handover.accessTitle")}
            </h2>
            <ul className="stack" id="handover-outcomes">
              {outcomes.map((o) => {
                const others = o.losses.filter((l) => l.userId !== holderId);
                return (
                  <li key={o.serviceId}>
                    <strong>{t("collab.handover.toService", { service: o.serviceName })}</strong>{" "}
                    {o.holderStays
                      ? t("collab.handover.youStay")
                      : t("collab.handover.youLose", { service: holderServiceName })}{" "}
                    {others.length > 0
                      ? t("collab.handover.othersLose", {
                          people: others.map((l) => `${l.name} (${l.serviceName})`).join(", "),
                        })
                      : t("collab.handover.nobodyElseLoses")}
                    {!o.holderStays ? (
                      <>
                        {" "}
                        <Link to={`/logs/${log.id}/consents/new${o.widenConsentId ? `?replaces=${o.widenConsentId}` : ""}`}>
                          {t("collab.handover.avoidLoss", { service: holderServiceName })}
                        </Link>
                      </>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          </section>
        ) : null}
        <TextAreaField field={fields.message} label={labels.message} rows={3} />
        {anyLoss ? (
          <CheckboxField field={fields.confirmLoss} label={labels.confirmLoss} hint={t("collab.handover.confirmLossHint")} />
        ) : null}
      </FormShell>
    </div>
  );
}

export const ErrorBoundary = ErrorPage;

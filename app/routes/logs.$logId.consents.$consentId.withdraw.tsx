import { useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "../lib/conform-zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useT } from "../i18n/use-t";
import { AccessLossWarning } from "../components/AccessLossWarning";
import { FormShell } from "../components/logs/FormShell";
import { LogFormHeading } from "../components/logs/LogBits";
import { TextAreaField } from "../components/ui/Field";
import { requireActor } from "../domain/auth/guards.server";
import { staffWithdrawalPreview, withdrawalLosses, withdrawConsent } from "../domain/consent/consents.server";
import { logForm } from "../domain/logs/log-page.server";
import { getLocale } from "../i18n/locale.server";
import { pageTitle } from "../i18n/meta";
import { WithdrawSchema } from "../lib/collaboration-schemas";
import { guard } from "../route-helpers/http.server";
import { backToLog, logFormAction } from "../route-helpers/log-route.server";
import { ErrorPage } from "../components/ErrorPage";

export const meta: MetaFunction<typeof loader> = (args) => {
  const only = args.data?.serviceId ? args.data.preview.services[0] : undefined;
  return only ? pageTitle(args, "collab.withdraw.titleFor", { service: only.name }) : pageTitle(args, "collab.withdraw.title");
};

/** `?service=<id>`: withdraw only for that service (every consent of the same people that covers it). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const serviceId = new URL(request.url).searchParams.get("service") || undefined;
  return guard(async () => {
    const consentId = params.consentId ?? "";
    const { log, preview, losses } = await logForm(actor, params.logId ?? "", "hold", getLocale(request), async (access) => ({
      preview: await staffWithdrawalPreview(access, consentId, serviceId),
      // Who loses access: the withdrawal itself, tried and rolled back (the same change as saving).
      losses: await withdrawalLosses(actor, access.log.id, consentId, serviceId),
    }));
    return { log, serviceId: serviceId ?? null, preview, losses };
  });
}

/** The domain refuses a withdrawal that cuts someone's access unless `confirmLoss` is checked. */
export const action = (args: ActionFunctionArgs) =>
  logFormAction(args, WithdrawSchema, async (actor, logId, value) => {
    await withdrawConsent(actor, logId, args.params.consentId ?? "", value);
    return backToLog(logId, "withdrawn");
  });

/**
 * Withdraw a consent, or one service of it: takes effect at once, through the gate. The
 * page says beforehand, service by service, whether access ends or goes on through another
 * consent — the same test the gate makes (DESIGN.md rule 11).
 */
export default function WithdrawConsent() {
  const { log, serviceId, preview, losses } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useT();
  const [form, fields] = useForm({
    id: "withdraw",
    lastResult,
    constraint: getZodConstraint(WithdrawSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: WithdrawSchema }),
  });
  const labels = { reason: t("collab.withdraw.reason"), confirmLoss: t("collab.accessLoss.confirm") };
  const only = serviceId ? preview.services[0] : undefined;
  const rest = preview.consent.services.filter((s) => s.id !== serviceId).map((s) => s.name).join(", ");
  return (
    <div className="stack max-w-2xl">
      <LogFormHeading log={log} title={only ? t("collab.withdraw.titleFor", { service: only.name }) : t("collab.withdraw.title")} />
      <p>{only ? t("collab.withdraw.introFor", { service: only.name, rest }) : t("collab.withdraw.intro")}</p>
      {only && preview.ending > 1 ? <p>{t("collab.withdraw.parallel", { service: only.name, count: preview.ending })}</p> : null}
      <section aria-labelledby="what-happens" className="stack">
        <h2 id="what-happens" className="text-lg">
          {t("collab.withdraw.whatHappens")}
        </h2>
        <ul className="list-disc stack pl-6">
          {preview.closesLog ? <li>{t("collab.withdraw.closesLog")}</li> : null}
          {preview.services.map((s) => {
            const other = s.through[0];
            return (
              <li key={s.id}>
                {!other
                  ? t("collab.withdraw.losesAccess", { service: s.name })
                  : other.youngPerson
                    ? t("collab.withdraw.keepsAccessYoung", { service: s.name })
                    : t("collab.withdraw.keepsAccess", { service: s.name, by: other.givenBy.join(", ") })}
              </li>
            );
          })}
        </ul>
      </section>
      <FormShell
        form={form}
        fields={fields}
        labels={labels}
        logId={log.id}
        submitLabel={only ? t("collab.withdraw.submitFor", { service: only.name }) : t("collab.withdraw.submit")}
      >
        {serviceId ? <input type="hidden" name="serviceId" value={serviceId} /> : null}
        <TextAreaField field={fields.reason} label={labels.reason} rows={3} />
        <AccessLossWarning losses={losses} confirmField={fields.confirmLoss} />
      </FormShell>
    </div>
  );
}

export const ErrorBoundary = ErrorPage;

import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "../lib/conform-zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useT } from "../i18n/use-t";
import { useDates } from "../components/logs/format";
import { ErrorSummary } from "../components/ui/ErrorSummary";
import { SelectField, TextAreaField } from "../components/ui/Field";
import { Notice } from "../components/ui/Notice";
import { giveFamilyConsent, familyConsents, renewFamilyConsent, withdrawFamilyConsent } from "../domain/family/consents.server";
import { requireFamilyMember } from "../domain/family/guards.server";
import { familyLogPage } from "../domain/family/pages.server";
import { pageTitle } from "../i18n/meta";
import { backToFamilyLog } from "../route-helpers/family-route.server";
import { FamilyConsentSchema } from "../lib/family-schemas";
import { guard, withFormErrors } from "../route-helpers/http.server";
import { ErrorPage } from "../components/ErrorPage";

export const meta: MetaFunction = (args) => pageTitle(args, "family.consents.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireFamilyMember(request);
  const logId = params.logId ?? "";
  return guard(() => familyLogPage(member, logId, { purpose: "consents", need: "read" }, familyConsents));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const member = await requireFamilyMember(request);
  const logId = params.logId ?? "";
  const submission = parseWithZod(await request.formData(), { schema: FamilyConsentSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const value = submission.value;
  return withFormErrors(submission, async () => {
    switch (value.intent) {
      case "give":
        await giveFamilyConsent(member, logId, { serviceId: value.serviceId, purpose: value.purpose });
        return redirect(backToFamilyLog(logId, "consentGiven"));
      case "renew":
        await renewFamilyConsent(member, logId, value.consentId);
        return redirect(backToFamilyLog(logId, "consentRenewed"));
      case "withdraw": {
        const { stillCovered } = await withdrawFamilyConsent(member, logId, value);
        // Said as the gate now does it: the service is out, or still in through someone else's consent.
        return redirect(backToFamilyLog(logId, stillCovered.length ? "consentWithdrawnStillIn" : "consentWithdrawn"));
      }
    }
  });
}

/**
 * Every consent in force, in plain words, with renew and withdraw-for-a-service buttons,
 * and a form to consent to a new service. Each button is its own small form (no script needed).
 */
export default function FamilyConsents() {
  const { log, consents, services, open } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useT();
  const { date } = useDates();
  const [form, fields] = useForm({
    id: "family-consent-give",
    lastResult,
    defaultValue: { intent: "give" },
    constraint: getZodConstraint(FamilyConsentSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: FamilyConsentSchema }),
  });
  const giveFields = form.getFieldset() as unknown as typeof fields & Record<"serviceId" | "purpose", (typeof fields)["intent"]>;
  const labels = { serviceId: t("family.consents.service"), purpose: t("family.consents.purposeLabel") };
  return (
    <div className="stack max-w-3xl">
      <p className="text-sm">
        <Link to={`/family/logs/${log.id}`}>{t("family.log.title", { child: log.childName })}</Link>
      </p>
      <h1>{t("family.consents.title")}</h1>
      <p>{t("family.consents.intro")}</p>

      <section aria-labelledby="in-force" className="stack">
        <h2 id="in-force">{t("family.consents.inForce")}</h2>
        {consents.length === 0 ? <p>{t("family.consents.none")}</p> : null}
        <ul className="stack">
          {consents.map((c) => (
            <li key={c.id} className="card stack">
              <h3 className="text-base">
                {c.decision === "refused"
                  ? t("family.consents.refused")
                  : c.scope === "keep"
                    ? t("family.consents.keep")
                    : t("family.consents.share")}
              </h3>
              {c.scope === "share" ? (
                <ul className="list-disc pl-6">
                  {c.services.map((s) => (
                    <li key={s.id}>{s.name}</li>
                  ))}
                </ul>
              ) : null}
              <p>
                <span className="font-semibold">{t("family.consents.purpose")}:</span> {c.purpose}
              </p>
              {c.categories.length ? <p>{t("family.consents.categories", { categories: c.categories.join(", ") })}</p> : null}
              {c.decision === "refused" ? (
                <p>{t("family.consents.refusedOn", { date: date(c.givenOn) })}</p>
              ) : (
                <>
                  <p>
                    {c.expired
                      ? t("family.consents.expired", { date: date(c.expiresOn) })
                      : t("family.consents.until", { date: date(c.expiresOn) })}
                  </p>
                  <p>
                    {c.youngPerson
                      ? t("family.consents.youngPerson")
                      : t("family.consents.guardians", { given: c.guardiansGiven, required: c.guardiansRequired })}{" "}
                    {c.mine ? t("family.consents.mine") : t("family.consents.notMine")}
                  </p>
                </>
              )}
              <p>
                {c.form === "written"
                  ? t("family.consents.howWritten")
                  : c.form === "oral"
                    ? c.note
                      ? t("family.consents.howOral", { note: c.note })
                      : t("family.consents.howOralNoNote")
                    : t("family.consents.howDigital", { name: c.recordedBy })}{" "}
                {c.form !== "digital" ? t("family.consents.howRecorded", { name: c.recordedBy }) : null}
                {c.changedOn ? <> {t("family.consents.changedOn", { date: date(c.changedOn) })}</> : null}
              </p>
              {c.decision === "given" && !c.complete ? <p className="font-semibold">{t("family.consents.notYetValid")}</p> : null}
              {open && c.decision === "given" ? (
                <div className="flex flex-wrap gap-3">
                  <Form method="post">
                    <input type="hidden" name="intent" value="renew" />
                    <input type="hidden" name="consentId" value={c.id} />
                    <button type="submit" className="btn-secondary">
                      {c.mine ? t("family.consents.renew") : t("family.consents.join")}
                    </button>
                  </Form>
                  {(c.scope === "share" && c.mine ? c.services : []).map((s) => (
                    <Form method="post" key={s.id}>
                      <input type="hidden" name="intent" value="withdraw" />
                      <input type="hidden" name="consentId" value={c.id} />
                      <input type="hidden" name="serviceId" value={s.id} />
                      <button type="submit" className="btn-secondary">
                        {t("family.consents.withdraw", { service: s.name })}
                      </button>
                    </Form>
                  ))}
                </div>
              ) : null}
              {open
                ? c.stillIn.map(({ serviceId, through }) => {
                    const name = c.services.find((s) => s.id === serviceId)?.name ?? "";
                    const other = through[0];
                    if (!other) return null;
                    return (
                      <p key={serviceId} className="text-sm">
                        {other.scope === "keep"
                          ? t("family.consents.stillInKeep", { service: name })
                          : other.youngPerson
                            ? t("family.consents.stillInYoung", { service: name })
                            : t("family.consents.stillInGuardians", { service: name, by: other.givenBy.join(", ") })}
                      </p>
                    );
                  })
                : null}
              {open && c.scope === "keep" && log.role === "guardian" ? (
                <p>
                  {t("family.consents.keepNote")} <Link to={`/family/logs/${log.id}/close`}>{t("family.log.close")}</Link>
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      </section>

      {open ? (
        <section aria-labelledby="give" className="stack">
          <h2 id="give">{t("family.consents.giveTitle")}</h2>
          <ErrorSummary form={form} fields={{ serviceId: giveFields.serviceId, purpose: giveFields.purpose }} labels={labels} />
          <Form method="post" {...getFormProps(form)} className="card stack">
            <input type="hidden" name="intent" value="give" />
            <SelectField
              field={giveFields.serviceId}
              label={labels.serviceId}
              placeholder={t("family.consents.chooseService")}
              options={services.map((s) => ({ value: s.id, label: s.name }))}
            />
            <TextAreaField field={giveFields.purpose} label={labels.purpose} hint={t("family.consents.purposeHint")} rows={3} />
            <div>
              <button type="submit" className="btn-primary">
                {t("family.consents.give")}
              </button>
            </div>
          </Form>
        </section>
      ) : (
        <Notice tone="info">{t("errors.log_closed")}</Notice>
      )}
    </div>
  );
}

export const ErrorBoundary = ErrorPage;

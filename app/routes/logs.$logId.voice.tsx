import { useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "../lib/conform-zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useT } from "../i18n/use-t";
import { FormShell } from "../components/logs/FormShell";
import { LogFormHeading } from "../components/logs/LogBits";
import { RestrictionFields } from "../components/logs/RestrictionFields";
import { SelectField, TextAreaField, TextField } from "../components/ui/Field";
import { addVoice } from "../domain/logs/entries.server";
import { pageTitle } from "../i18n/meta";
import { voiceMethods } from "../lib/enums";
import { backToLog, loadLogForm, logFormAction } from "../route-helpers/log-route.server";
import { restrictedReasonOf, VoiceSchema } from "../lib/log-schemas";
import { ErrorPage } from "../components/ErrorPage";

/** Whose voice ?who= asks for; the title and the heading both follow it. */
const voiceOf = (params: URLSearchParams) => (params.get("who") === "guardian" ? "guardian" : "child");

export const meta: MetaFunction = (args) =>
  pageTitle(
    args,
    voiceOf(new URLSearchParams(args.location.search)) === "child" ? "logs.forms.voice.childTitle" : "logs.forms.voice.guardianTitle",
  );

export const loader = (args: LoaderFunctionArgs) => loadLogForm(args, "write");

export const action = (args: ActionFunctionArgs) =>
  logFormAction(args, VoiceSchema, async (actor, logId, value) => {
    const { who, heardOn, method, text, guardianName } = value;
    await addVoice(actor, logId, { who, heardOn, method, text, guardianName, restrictedReason: restrictedReasonOf(value) });
    return backToLog(logId);
  });

/** The child's voice or the guardians' voice (?who=child|guardian). */
export default function NewVoice() {
  const { log } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t } = useT();
  const who = voiceOf(params);
  const [form, fields] = useForm({
    id: `voice-${who}`,
    lastResult,
    defaultValue: { who, heardOn: log.today, method: "conversation" },
    constraint: getZodConstraint(VoiceSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: VoiceSchema }),
  });
  const labels = {
    heardOn: t("logs.forms.voice.heardOn"),
    method: t("logs.forms.voice.method"),
    text: t("logs.forms.voice.text"),
    guardianName: t("logs.forms.voice.guardianName"),
    restrictedReason: t("logs.forms.restriction.reason"),
  };
  return (
    <div className="stack max-w-2xl">
      <LogFormHeading log={log} title={who === "child" ? t("logs.forms.voice.childTitle") : t("logs.forms.voice.guardianTitle")} />
      <p>{who === "child" ? t("logs.forms.voice.childIntro") : t("logs.forms.voice.guardianIntro")}</p>
      <FormShell form={form} fields={fields} labels={labels} logId={log.id}>
        <input type="hidden" name="who" value={who} />
        {who === "guardian" ? <TextField field={fields.guardianName} label={labels.guardianName} /> : null}
        <TextField field={fields.heardOn} label={labels.heardOn} type="date" />
        <SelectField
          field={fields.method}
          label={labels.method}
          options={voiceMethods.map((m) => ({ value: m, label: t(`logs.methods.${m}`) }))}
        />
        <TextAreaField field={fields.text} label={labels.text} rows={6} />
        <RestrictionFields restricted={fields.restricted} restrictedReason={fields.restrictedReason} />
      </FormShell>
    </div>
  );
}

export const ErrorBoundary = ErrorPage;

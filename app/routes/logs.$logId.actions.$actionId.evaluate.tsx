import { useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "../lib/conform-zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useEffect, useState, type ReactNode } from "react";
import { useT } from "../i18n/use-t";
import { useDates } from "../components/logs/format";
import { FormShell } from "../components/logs/FormShell";
import { LogFormHeading } from "../components/logs/LogBits";
import { RadioField, SelectField, TextAreaField, TextField } from "../components/ui/Field";
import { requireActor } from "../domain/auth/guards.server";
import { evaluateAction } from "../domain/logs/actions.server";
import { activeAction } from "../domain/logs/form-data.server";
import { logForm } from "../domain/logs/log-page.server";
import { getLocale } from "../i18n/locale.server";
import { pageTitle } from "../i18n/meta";
import { addDays } from "../lib/dates";
import { btiLevels, evaluationDecisions, type BtiLevel, type EvaluationDecision } from "../lib/enums";
import { guard } from "../route-helpers/http.server";
import { backToLog, logFormAction } from "../route-helpers/log-route.server";
import { EvaluationSchema } from "../lib/log-schemas";
import { ErrorPage } from "../components/ErrorPage";
import { responsibleLabel } from "../lib/responsible";

export const meta: MetaFunction = (args) => pageTitle(args, "logs.forms.evaluation.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  return guard(async () => {
    const locale = getLocale(request);
    const { log, action, isHolder } = await logForm(actor, params.logId ?? "", "write", locale, (access) =>
      activeAction(access, params.actionId ?? ""),
    );
    return { log, item: action, isHolder };
  });
}

export const action = (args: ActionFunctionArgs) =>
  logFormAction(args, EvaluationSchema, async (actor, logId, value) => {
    await evaluateAction(actor, logId, args.params.actionId ?? "", { ...value, newLevel: value.newLevel as BtiLevel | undefined });
    return value.decision === "close" ? `/logs/${logId}/close?notice=evaluatedClose` : backToLog(logId, "evaluated");
  });

/** Which decisions each group of fields belongs to (the server checks the same per decision). */
const groups = {
  next: ["continue", "adjust", "change_level"],
  adjust: ["adjust"],
  level: ["change_level"],
  close: ["close"],
} as const satisfies Record<string, readonly EvaluationDecision[]>;

/**
 * A group of fields that belongs to some decisions. Without JavaScript every group is
 * shown, each under a legend that says when it applies; with JavaScript only the chosen
 * decision's groups are shown, and the others are disabled so they send nothing.
 */
function DecisionGroup({ shown, legend, children }: { shown: boolean; legend: string; children: ReactNode }) {
  return (
    <fieldset className="stack" hidden={!shown} disabled={!shown}>
      <legend className="font-semibold">{legend}</legend>
      {children}
    </fieldset>
  );
}

export default function EvaluateAction() {
  const { log, item, isHolder } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useT();
  const { date } = useDates();
  const [form, fields] = useForm({
    id: "evaluation",
    lastResult,
    defaultValue: { evaluatedOn: log.today, nextEvaluateOn: addDays(log.today, log.evaluationIntervalDays) },
    constraint: getZodConstraint(EvaluationSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: EvaluationSchema }),
  });
  const decisions = evaluationDecisions.filter((d) => isHolder || (d !== "change_level" && d !== "close"));
  // Before hydration (and always without JavaScript) every group shows.
  const [enhanced, setEnhanced] = useState(false);
  useEffect(() => setEnhanced(true), []);
  const chosen = typeof fields.decision.value === "string" ? fields.decision.value : undefined;
  const shows = (group: readonly EvaluationDecision[]) =>
    !enhanced || (chosen !== undefined && (group as readonly string[]).includes(chosen));
  const labels = {
    evaluatedOn: t("logs.forms.evaluation.evaluatedOn"),
    whatHappened: t("logs.forms.evaluation.whatHappened"),
    whatWorked: t("logs.forms.evaluation.whatWorked"),
    childExperience: t("logs.forms.evaluation.childExperience"),
    decision: t("logs.forms.evaluation.decision"),
    adjustment: t("logs.forms.evaluation.adjustment"),
    nextEvaluateOn: t("logs.forms.evaluation.nextEvaluateOn"),
    newLevel: t("logs.forms.evaluation.newLevel"),
    justification: t("logs.forms.evaluation.justification"),
  };
  return (
    <div className="stack max-w-2xl">
      <LogFormHeading log={log} title={t("logs.forms.evaluation.title")} />
      <section aria-labelledby="action-heading" className="card stack">
        <h2 id="action-heading">{t("logs.forms.evaluation.action")}</h2>
        <p className="font-semibold">{item.description}</p>
        <p>
          {t("logs.page.goal")}: {item.goal}
        </p>
        <p>
          {t("logs.page.responsible")}: {responsibleLabel(t, item)}
        </p>
        <p>{t("logs.page.period", { start: date(item.startOn), evaluate: date(item.evaluateOn) })}</p>
      </section>
      <FormShell form={form} fields={fields} labels={labels} logId={log.id}>
        <TextField field={fields.evaluatedOn} label={labels.evaluatedOn} type="date" />
        <TextAreaField field={fields.whatHappened} label={labels.whatHappened} rows={4} />
        <TextAreaField field={fields.whatWorked} label={labels.whatWorked} rows={4} />
        <TextAreaField field={fields.childExperience} label={labels.childExperience} rows={3} />
        <RadioField
          field={fields.decision}
          legend={labels.decision}
          hint={t(enhanced ? "logs.forms.evaluation.conditionalEnhanced" : "logs.forms.evaluation.conditional")}
          options={decisions.map((d) => ({ value: d, label: t(`logs.decisions.${d}`) }))}
        />
        <DecisionGroup
          shown={shows(groups.next)}
          legend={t(isHolder ? "logs.forms.evaluation.groupNext" : "logs.forms.evaluation.groupNextNoLevel")}
        >
          <TextField field={fields.nextEvaluateOn} label={labels.nextEvaluateOn} type="date" />
        </DecisionGroup>
        <DecisionGroup shown={shows(groups.adjust)} legend={t("logs.forms.evaluation.groupAdjust")}>
          <TextAreaField field={fields.adjustment} label={labels.adjustment} rows={3} />
        </DecisionGroup>
        {isHolder ? (
          <>
            <DecisionGroup shown={shows(groups.level)} legend={t("logs.forms.evaluation.groupLevel")}>
              <SelectField
                field={fields.newLevel}
                label={labels.newLevel}
                placeholder=""
                options={btiLevels.filter((l) => l !== log.level).map((l) => ({ value: String(l), label: t("logs.levelLabel", { level: l }) }))}
              />
              <TextAreaField field={fields.justification} label={labels.justification} rows={3} />
            </DecisionGroup>
            <DecisionGroup shown={shows(groups.close)} legend={t("logs.forms.evaluation.groupClose")}>
              <p className="hint">{t("logs.forms.evaluation.closeNext")}</p>
            </DecisionGroup>
          </>
        ) : null}
      </FormShell>
    </div>
  );
}

export const ErrorBoundary = ErrorPage;

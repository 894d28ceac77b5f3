import { Form, Link } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useT } from "../../i18n/use-t";
import type { ActionView, LogPermissions, LogView } from "./log-view";

interface Tool {
  key: string;
  to: string;
  label: string;
  /** For a link whose visible text needs context for a screen reader. */
  srSuffix?: string;
}

interface ToolsInput {
  log: LogView;
  can: LogPermissions;
  firstOverdue: ActionView | undefined;
  activeActions: number;
  missingChildVoice: boolean;
  pendingHandover: boolean;
}

/**
 * The tools, grouped as the menu shows them. The one most likely next step is taken out
 * of its group and shown as the primary button; everything else is in the menu.
 */
function arrangeTools(t: TFunction, { log, can, firstOverdue, activeActions, missingChildVoice, pendingHandover }: ToolsInput) {
  const base = `/logs/${log.id}`;
  const concern = log.kind === "concern";
  const write: Tool[] = can.write
    ? [
        { key: "observation", to: `${base}/entry?type=observation`, label: t("logs.page.addObservation") },
        { key: "note", to: `${base}/entry?type=note`, label: t("logs.page.addNote") },
        { key: "childVoice", to: `${base}/voice?who=child`, label: t("logs.page.addChildVoice") },
        { key: "guardianVoice", to: `${base}/voice?who=guardian`, label: t("logs.page.addGuardianVoice") },
        { key: "planMeeting", to: `${base}/meetings/new`, label: t("logs.meetings.plan") },
        { key: "meeting", to: `${base}/entry?type=meeting`, label: t("logs.page.addMeeting") },
        { key: "welfareReport", to: `${base}/welfare-report`, label: t("logs.page.addWelfareReport") },
        ...(!concern ? [{ key: "newAction", to: `${base}/actions/new`, label: t("logs.page.newAction") }] : []),
      ]
    : [];
  const course: Tool[] =
    can.hold && concern
      ? [
          { key: "become", to: `${base}/make-relay-log`, label: t("logs.page.becomeLog") },
          { key: "closeConcern", to: `${base}/close`, label: t("logs.page.closeConcern") },
        ]
      : can.hold
        ? [
            { key: "level", to: `${base}/level`, label: t("logs.page.changeLevel") },
            { key: "close", to: `${base}/close`, label: t("logs.page.close") },
          ]
        : [];
  const collaborate: Tool[] = can.collaborate
    ? [
        { key: "consent", to: `${base}/consents/new`, label: t("collab.tools.consent") },
        { key: "invite", to: `${base}/invite`, label: t("collab.tools.invite") },
        ...(!pendingHandover ? [{ key: "handover", to: `${base}/handover`, label: t("collab.tools.handover") }] : []),
      ]
    : [];
  const reopen: Tool[] = can.reopen ? [{ key: "reopen", to: `${base}/reopen`, label: t("logs.page.reopen") }] : [];
  const all = [...write, ...course, ...collaborate, ...reopen];
  const byKey = (key: string) => all.find((tool) => tool.key === key);
  const primary: Tool | undefined = reopen[0]
    ? reopen[0]
    : can.hold && concern
      ? byKey("become")
      : firstOverdue && can.write
        ? {
            key: "evaluateOverdue",
            to: `${base}/actions/${firstOverdue.id}/evaluate`,
            label: t("logs.page.evaluateOverdue"),
            srSuffix: firstOverdue.description,
          }
        : missingChildVoice && can.write
          ? byKey("childVoice")
          : !concern && activeActions === 0 && can.write
            ? byKey("newAction")
            : byKey("observation");
  const rest = (tools: Tool[]) => tools.filter((tool) => tool.key !== primary?.key);
  const groups = [
    { key: "write", title: t("logs.page.toolsWrite"), tools: rest(write) },
    { key: "course", title: concern ? t("logs.page.toolsConcern") : t("logs.page.toolsLog"), tools: rest(course) },
    { key: "collab", title: t("logs.page.toolsCollab"), tools: rest(collaborate) },
  ].filter((g) => g.tools.length > 0);
  return { primary, groups };
}

/** "What will you do?": the next step as a button, the other tools in a menu; nothing for a reader without tools. */
export function LogTools({ holderServiceName, ...input }: ToolsInput & { holderServiceName: string }) {
  const { t } = useT();
  const { log, can } = input;
  const base = `/logs/${log.id}`;
  const { primary, groups } = arrangeTools(t, input);
  const share = can.hold && log.kind === "concern" && !log.sharedWithLeader;
  const hasMenu = groups.length > 0 || can.leave || share;
  if (!primary && !hasMenu) return null;
  return (
    <nav aria-labelledby="tools-heading" className="card flex flex-col gap-3 no-print sm:flex-row sm:flex-wrap sm:items-end">
      <h2 id="tools-heading" className="sr-only">
        {t("logs.page.tools")}
      </h2>
      {primary ? (
        <div id="next-step" className="stack scroll-mt-4">
          <p className="hint" id="next-step-label">
            {t("logs.page.nextStep")}
          </p>
          <p className="flex flex-wrap gap-2">
            <Link className="btn-primary" to={primary.to} aria-describedby="next-step-label">
              {primary.label}
              {primary.srSuffix ? <span className="sr-only">: {primary.srSuffix}</span> : null}
            </Link>
            {primary.key === "become" ? (
              // At level 0 the decision has two answers; both belong on the first screen.
              <Link className="btn-secondary" to={`${base}/close`}>
                {t("logs.page.closeConcern")}
              </Link>
            ) : null}
          </p>
        </div>
      ) : null}
      {hasMenu ? (
        <details className="menu">
          <summary>{t("logs.page.moreTools")}</summary>
          <div className="menu-body">
            {groups
              .map((g) => (primary?.key === "become" && g.key === "course" ? { ...g, tools: g.tools.filter((x) => x.key !== "closeConcern") } : g))
              .filter((g) => g.tools.length > 0)
              .map((g) => (
                <section key={g.key} aria-labelledby={`tools-${g.key}`}>
                  <h3 id={`tools-${g.key}`}>{g.title}</h3>
                  <ul>
                    {g.tools.map((tool) => (
                      <li key={tool.key}>
                        <Link to={tool.to}>{tool.label}</Link>
                      </li>
                    ))}
                  </ul>
                </section>
              ))}
            {can.leave || share ? (
              <section aria-labelledby="tools-other" className="stack">
                <h3 id="tools-other">{t("logs.page.toolsOther")}</h3>
                {can.leave ? (
                  <Form method="post" action={`${base}/leave`} className="stack">
                    <p className="hint">{t("collab.participants.leaveHint")}</p>
                    <button type="submit" className="btn-secondary self-start">
                      {t("collab.participants.leave")}
                    </button>
                  </Form>
                ) : null}
                {share ? (
                  <Form method="post" action={`${base}/share-with-leader`} className="stack">
                    <p className="hint">{t("logs.page.shareHint", { service: holderServiceName })}</p>
                    <button type="submit" className="btn-secondary self-start">
                      {t("logs.page.share")}
                    </button>
                  </Form>
                ) : null}
              </section>
            ) : null}
          </div>
        </details>
      ) : null}
    </nav>
  );
}

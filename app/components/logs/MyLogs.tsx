import { Form, Link } from "@remix-run/react";
import { useT } from "../../i18n/use-t";
import type { Flags } from "../../lib/flags";
import { useDates } from "./format";
import { Pagination } from "../ui/Pagination";
import { FlagList, LevelBadge } from "./LogBits";

export interface MyLogRow {
  id: string;
  kind: "concern" | "relay";
  state: "open" | "closed";
  level: number;
  childName: string;
  birthDate: string;
  holderName: string;
  serviceName: string;
  nextEvaluationOn: string | null;
  decisionDueOn: string | null;
  relation: "holder" | "participant" | "leader";
  flags: Flags;
}

/**
 * Where each flag on a card leads: to its item on the log page, or to the form that resolves
 * it (the home list and the leader's overview).
 */
export function flagLinks(log: Pick<MyLogRow, "id" | "state" | "relation">): Partial<Record<keyof Flags, string>> {
  const page = `/logs/${log.id}`;
  const writes = log.state === "open" && log.relation !== "leader";
  return {
    overdueEvaluation: `${page}#actions`,
    missingChildVoice: writes ? `${page}/voice?who=child` : undefined,
    decisionOverdue: log.relation === "holder" ? `${page}#next-step` : undefined,
    decisionSoon: log.relation === "holder" ? `${page}#next-step` : undefined,
  };
}

/** "Mine logger": filters, search and the list, most urgent first. A GET form: works without JavaScript. */
export function MyLogs({
  logs,
  total,
  page,
  pages,
  filter,
  canStart,
}: {
  logs: MyLogRow[];
  total: number;
  page: number;
  pages: number;
  filter: { level?: number; state?: string; q?: string };
  canStart: boolean;
}) {
  const { t } = useT();
  const { date } = useDates();
  const filtered = filter.level !== undefined || !!filter.state || !!filter.q;
  const pageLink = (p: number) => {
    const params = new URLSearchParams();
    if (filter.level !== undefined) params.set("level", String(filter.level));
    if (filter.state) params.set("state", filter.state);
    if (filter.q) params.set("q", filter.q);
    params.set("page", String(p));
    return `/?${params}`;
  };
  return (
    <section aria-labelledby="logs-heading" className="stack">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="logs-heading">{t("logs.home.title")}</h2>
        {canStart ? (
          <div className="flex flex-wrap items-center gap-3">
            <Link to="/logs/new" className="btn-primary">
              {t("logs.home.newConcern")}
            </Link>
            <Link to="/consultations/new" className="btn-secondary">
              {t("consultations.homeLink")}
            </Link>
          </div>
        ) : null}
      </div>
      <Form method="get" className="card flex flex-wrap items-end gap-3" aria-label={t("logs.home.filters")}>
        <div className="field grow">
          <label htmlFor="logs-q">{t("logs.home.search")}</label>
          <p id="logs-q-hint" className="hint">
            {t("logs.home.searchHint")}
          </p>
          <input id="logs-q" name="q" type="search" defaultValue={filter.q ?? ""} maxLength={100} aria-describedby="logs-q-hint" className="input" />
        </div>
        <LevelFilter id="logs-level" label={t("logs.home.level")} anyLabel={t("logs.home.anyLevel")} value={filter.level} />
        <div className="field">
          <label htmlFor="logs-state">{t("logs.home.state")}</label>
          <select id="logs-state" name="state" defaultValue={filter.state ?? ""} className="input">
            <option value="">{t("logs.home.anyState")}</option>
            <option value="open">{t("logs.states.open")}</option>
            <option value="closed">{t("logs.states.closed")}</option>
          </select>
        </div>
        <button type="submit" className="btn-secondary">
          {t("logs.home.apply")}
        </button>
      </Form>
      <p aria-live="polite">{t("logs.home.count", { count: total })}</p>
      {logs.length === 0 ? <p>{filtered ? t("logs.home.none") : t("logs.home.noneAtAll")}</p> : null}
      <ul className="stack">
        {logs.map((log) => (
          <li key={log.id} className="card stack">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h3>
                <Link to={`/logs/${log.id}`}>{log.childName}</Link>
              </h3>
              <span className="text-sm">
                {log.relation === "holder"
                  ? t("logs.home.youHold")
                  : log.relation === "participant"
                    ? t("logs.home.youParticipate")
                    : t("logs.home.yourService")}
              </span>
            </div>
            <p className="flex flex-wrap items-center gap-2">
              <LevelBadge level={log.level} />
              <span className="badge">{t(`logs.kinds.${log.kind}`)}</span>
              <span className="badge">{t(`logs.states.${log.state}`)}</span>
            </p>
            <p className="text-sm">
              {t("logs.home.born", { date: date(log.birthDate) })} ·{" "}
              {t("logs.home.heldBy", { name: log.holderName, service: log.serviceName })}
            </p>
            {log.state === "open" && log.nextEvaluationOn ? (
              <p>{t("logs.home.nextEvaluation", { date: date(log.nextEvaluationOn) })}</p>
            ) : null}
            {log.state === "open" && log.decisionDueOn ? (
              <p>{t("logs.home.decisionDue", { date: date(log.decisionDueOn) })}</p>
            ) : null}
            <FlagList flags={log.flags} links={flagLinks(log)} />
          </li>
        ))}
      </ul>
      <Pagination page={page} pages={pages} href={pageLink} />
    </section>
  );
}

/** The level select of a list's filter form (GET, name "level"): any level, or one of 0–3. */
export function LevelFilter({ id, label, anyLabel, value }: { id: string; label: string; anyLabel: string; value: number | undefined }) {
  const { t } = useT();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name="level" defaultValue={value ?? ""} className="input">
        <option value="">{anyLabel}</option>
        {[0, 1, 2, 3].map((l) => (
          <option key={l} value={l}>
            {t("logs.levelLabel", { level: l })}
          </option>
        ))}
      </select>
    </div>
  );
}

import { Form, Link } from "@remix-run/react";
import { useT } from "../../i18n/use-t";
import type { ResponsibleKind } from "../../lib/enums";
import { activeFlags, type Flags } from "../../lib/flags";
import { responsibleLabel } from "../../lib/responsible";
import { Pagination } from "../ui/Pagination";
import { useDates } from "./format";
import { FlagList, LevelBadge } from "./LogBits";
import { flagLinks, LevelFilter } from "./MyLogs";

/** The service leader's overview (/leder): the filter, the open logs, and what waits. */

export interface LeaderFilterView {
  serviceId?: string;
  level?: number;
  flagged: boolean;
  holderId?: string;
  q?: string;
}

export interface LeaderLogRow {
  id: string;
  kind: "concern" | "relay";
  state: "open" | "closed";
  level: number;
  childName: string;
  holderName: string;
  orphaned: boolean;
  serviceName: string;
  nextEvaluationOn: string | null;
  decisionDueOn: string | null;
  flags: Flags;
}

/** The query string of a filter, for the page links (the same names as the form's fields). */
function filterQuery(filter: LeaderFilterView, page?: number) {
  const params = new URLSearchParams();
  if (filter.serviceId) params.set("service", filter.serviceId);
  if (filter.level !== undefined) params.set("level", String(filter.level));
  if (filter.flagged) params.set("flagged", "on");
  if (filter.holderId) params.set("holder", filter.holderId);
  if (filter.q) params.set("q", filter.q);
  if (page) params.set("page", String(page));
  return `/leder?${params}`;
}

/** A GET form: works without JavaScript; every field has a label. */
export function LeaderFilterForm({
  services,
  holders,
  filter,
}: {
  services: { id: string; name: string }[];
  holders: { userId: string; name: string }[];
  filter: LeaderFilterView;
}) {
  const { t } = useT();
  return (
    <Form method="get" action="/leder" className="card flex flex-wrap items-end gap-3" aria-label={t("leader.filters.label")}>
      {services.length > 1 ? (
        <div className="field">
          <label htmlFor="leader-service">{t("leader.filters.service")}</label>
          <select id="leader-service" name="service" defaultValue={filter.serviceId ?? ""} className="input">
            <option value="">{t("leader.filters.allServices")}</option>
            {services.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <LevelFilter id="leader-level" label={t("leader.filters.level")} anyLabel={t("leader.filters.anyLevel")} value={filter.level} />
      <div className="field">
        <label htmlFor="leader-holder">{t("leader.filters.holder")}</label>
        <select id="leader-holder" name="holder" defaultValue={filter.holderId ?? ""} className="input">
          <option value="">{t("leader.filters.anyHolder")}</option>
          {holders.map((h) => (
            <option key={h.userId} value={h.userId}>
              {h.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field grow">
        <label htmlFor="leader-q">{t("leader.filters.search")}</label>
        <p id="leader-q-hint" className="hint">
          {t("leader.filters.searchHint")}
        </p>
        <input id="leader-q" name="q" type="search" defaultValue={filter.q ?? ""} maxLength={100} aria-describedby="leader-q-hint" className="input" />
      </div>
      <div className="flex min-h-11 items-center gap-2">
        <input id="leader-flagged" name="flagged" type="checkbox" value="on" defaultChecked={filter.flagged} className="h-5 w-5" />
        <label htmlFor="leader-flagged">{t("leader.filters.flagged")}</label>
      </div>
      <button type="submit" className="btn-secondary">
        {t("leader.filters.apply")}
      </button>
      <Link to="/leder" className="self-center">
        {t("leader.filters.reset")}
      </Link>
    </Form>
  );
}

/** The open logs as a table (it scrolls sideways inside its wrapper on a narrow screen). */
export function LeaderLogs({
  rows,
  total,
  page,
  pages,
  filter,
}: {
  rows: LeaderLogRow[];
  total: number;
  page: number;
  pages: number;
  filter: LeaderFilterView;
}) {
  const { t } = useT();
  const { date } = useDates();
  return (
    <section aria-labelledby="leader-logs" className="stack">
      <h2 id="leader-logs">{t("leader.logs.title")}</h2>
      <p aria-live="polite">{t("leader.logs.count", { count: total })}</p>
      {rows.length === 0 ? (
        <p>{t("leader.logs.none")}</p>
      ) : (
        <>
          <p className="hint sm:sr-only">{t("leader.logs.scrollHint")}</p>
          <div className="table-wrap card" role="region" aria-labelledby="leader-logs-caption" tabIndex={0}>
            <table className="table">
              <caption id="leader-logs-caption" className="sr-only">
                {t("leader.logs.caption", { page, pages })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t("leader.logs.child")}</th>
                  <th scope="col">{t("leader.logs.holder")}</th>
                  <th scope="col">{t("leader.logs.level")}</th>
                  <th scope="col">{t("leader.logs.nextEvaluation")}</th>
                  <th scope="col">{t("leader.logs.flags")}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((log) => (
                  <tr key={log.id}>
                    <th scope="row" className="font-normal">
                      <Link to={`/logs/${log.id}`}>{log.childName}</Link>
                    </th>
                    <td>{log.orphaned ? t("leader.logs.deactivated", { name: log.holderName }) : log.holderName}</td>
                    <td>
                      <LevelBadge level={log.level} />
                    </td>
                    <td>{log.nextEvaluationOn ? date(log.nextEvaluationOn) : t("leader.logs.noDate")}</td>
                    <td>
                      {activeFlags(log.flags).length > 0 ? (
                        <FlagList flags={log.flags} links={flagLinks({ ...log, relation: "leader" })} />
                      ) : (
                        t("leader.logs.noFlags")
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <Pagination page={page} pages={pages} href={(p) => filterQuery(filter, p)} />
    </section>
  );
}

export interface LeaderWaitingData {
  overdue: {
    rows: {
      id: string;
      logId: string;
      childName: string;
      description: string;
      responsible: string;
      responsibleKind: ResponsibleKind;
      evaluateOn: string;
    }[];
    total: number;
  };
  orphaned: { id: string; childName: string; level: number; formerHolder: string }[];
  invitations: {
    id: string;
    logId: string;
    invitee: string;
    inviteeEmail: string;
    serviceName: string;
    invitedBy: string;
    respondBy: string;
    log: { child: string; level: number } | null;
    readable: boolean;
  }[];
  handovers: {
    id: string;
    logId: string;
    from: string;
    to: string;
    toEmail: string;
    toServiceName: string;
    proposedOn: string;
    readable: boolean;
    log: { child: string; level: number } | null;
  }[];
}

/** What waits in the service: each row links to the log (when the leader may read it) or to the person to ask. */
export function LeaderWaiting({ overdue, orphaned, invitations, handovers }: LeaderWaitingData) {
  const { t } = useT();
  const { date, dateTime } = useDates();
  return (
    <>
      <section aria-labelledby="leader-overdue" className="card stack">
        <h2 id="leader-overdue">{t("leader.overdue.title")}</h2>
        {overdue.rows.length === 0 ? (
          <p>{t("leader.overdue.none")}</p>
        ) : (
          <ul className="stack">
            {overdue.rows.map((a) => (
              <li key={a.id}>
                <p>
                  <Link to={`/logs/${a.logId}#action-${a.id}`}>{a.childName}</Link>
                </p>
                <p>{t("leader.overdue.line", { action: a.description, responsible: responsibleLabel(t, a) })}</p>
                <p className="font-semibold text-red-800">{t("leader.overdue.due", { date: date(a.evaluateOn) })}</p>
              </li>
            ))}
          </ul>
        )}
        {overdue.total > overdue.rows.length ? <p>{t("leader.overdue.more", { shown: overdue.rows.length, count: overdue.total })}</p> : null}
      </section>
      <section aria-labelledby="leader-orphaned" className="card stack">
        <h2 id="leader-orphaned">{t("leader.orphaned.title")}</h2>
        {orphaned.length === 0 ? (
          <p>{t("leader.orphaned.none")}</p>
        ) : (
          <ul className="stack">
            {orphaned.map((o) => (
              <li key={o.id}>
                <p>
                  <Link to={`/logs/${o.id}`}>{o.childName}</Link> · <LevelBadge level={o.level} />
                </p>
                <p>{t("leader.orphaned.line", { name: o.formerHolder })}</p>
                <p>
                  <Link to={`/logs/${o.id}/appoint`}>
                    {t("leader.orphaned.appoint")}
                    <span className="sr-only">: {o.childName}</span>
                  </Link>
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="leader-invitations" className="card stack">
        <h2 id="leader-invitations">{t("leader.invitations.title")}</h2>
        {invitations.length === 0 ? (
          <p>{t("leader.invitations.none")}</p>
        ) : (
          <ul className="stack">
            {invitations.map((i) => {
              const logText = i.log ? t("leader.invitations.logNamed", { child: i.log.child, level: i.log.level }) : t("leader.invitations.logHidden");
              return (
                <li key={i.id}>
                  <p>{i.readable ? <Link to={`/logs/${i.logId}`}>{logText}</Link> : logText}</p>
                  <p>{t("leader.invitations.line", { invitee: i.invitee, service: i.serviceName, inviter: i.invitedBy })}</p>
                  <p>
                    <span className="font-semibold text-red-800">{t("leader.invitations.respondBy", { date: date(i.respondBy) })}</span> ·{" "}
                    <a href={`mailto:${i.inviteeEmail}`}>{t("leader.invitations.contact", { name: i.invitee })}</a>
                  </p>
                </li>
              );
            })}
          </ul>
        )}
      </section>
      <section aria-labelledby="leader-handovers" className="card stack">
        <h2 id="leader-handovers">{t("leader.handovers.title")}</h2>
        {handovers.length === 0 ? (
          <p>{t("leader.handovers.none")}</p>
        ) : (
          <ul className="stack">
            {handovers.map((h) => {
              const logText = h.log ? t("leader.invitations.logNamed", { child: h.log.child, level: h.log.level }) : t("leader.handovers.logHidden");
              return (
                <li key={h.id}>
                  <p>{h.readable ? <Link to={`/logs/${h.logId}`}>{logText}</Link> : logText}</p>
                  <p>{t("leader.handovers.line", { from: h.from, to: h.to, service: h.toServiceName })}</p>
                  <p>
                    {t("leader.handovers.proposed", { date: dateTime(h.proposedOn) })} ·{" "}
                    <a href={`mailto:${h.toEmail}`}>{t("leader.handovers.contact", { name: h.to })}</a>
                  </p>
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </>
  );
}

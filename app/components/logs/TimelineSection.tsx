import { Form, Link } from "@remix-run/react";
import { useT } from "../../i18n/use-t";
import { eventTypes } from "../../lib/enums";
import type { TimelineEvent } from "../../lib/timeline";
import { EventItem } from "./EventItem";

const filterTypes = eventTypes.filter((t) => t !== "correction" && t !== "restriction");

/** Where the reader is in the timeline: the type filter and whether this is an older page. */
export interface TimelineBrowsing {
  /** The chosen event type, "" for all. */
  type: string;
  /** An older page is shown (the link back to the newest is offered). */
  older: boolean;
  nextBefore: number | null;
}

/**
 * The timeline. On the page: newest first, one page at a time, with a filter by type and
 * links to older pages. In the print: the whole timeline as given, each event kept whole
 * on a sheet, without the controls.
 */
export function TimelineSection(
  props: { logId: string; events: TimelineEvent[] } & ({ print: true } | { print?: false; browsing: TimelineBrowsing }),
) {
  const { t } = useT();
  const { logId, events } = props;
  const browsing = props.print ? null : props.browsing;
  const headingId = browsing ? "timeline" : "print-timeline";
  return (
    <section aria-labelledby={headingId} className="stack">
      <h2 id={headingId} tabIndex={browsing ? -1 : undefined} className={browsing ? "scroll-mt-4" : undefined}>
        {t("logs.page.timeline")}
      </h2>
      {browsing ? <TypeFilter type={browsing.type} /> : null}
      {events.length === 0 ? <p>{t("logs.page.noEvents")}</p> : null}
      <ol className="stack">
        {events.map((e) => (
          <li key={e.id} className={browsing ? undefined : "break-inside-avoid"}>
            <EventItem event={e} logId={logId} print={!browsing} />
          </li>
        ))}
      </ol>
      {browsing ? <Paging {...browsing} /> : null}
    </section>
  );
}

function TypeFilter({ type }: { type: string }) {
  const { t } = useT();
  return (
    <Form method="get" className="flex items-end gap-2 no-print">
      <div className="field min-w-0 flex-1 sm:max-w-xs">
        <label htmlFor="type-filter">{t("logs.page.filterType")}</label>
        <select id="type-filter" name="type" defaultValue={type} className="input">
          <option value="">{t("logs.page.allTypes")}</option>
          {filterTypes.map((ty) => (
            <option key={ty} value={ty}>
              {t(`logs.eventTypes.${ty}`)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="btn-secondary">
        {t("logs.page.show")}
      </button>
    </Form>
  );
}

function Paging({ type, older, nextBefore }: TimelineBrowsing) {
  const { t } = useT();
  return (
    <p className="flex flex-wrap gap-4 no-print">
      {older ? <Link to={`?${new URLSearchParams(type ? { type } : {})}#timeline`}>{t("logs.page.newest")}</Link> : null}
      {nextBefore ? (
        <Link to={`?${new URLSearchParams({ ...(type ? { type } : {}), before: String(nextBefore) })}#timeline`}>{t("logs.page.older")}</Link>
      ) : null}
    </p>
  );
}

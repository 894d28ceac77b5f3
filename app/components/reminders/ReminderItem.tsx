import { Form, Link } from "@remix-run/react";
import { useT } from "../../i18n/use-t";
import { useDates } from "../logs/format";
import type { InboxItem } from "../../domain/reminders/inbox.server";

/** One reminder as the inbox and the home page show it; with `actions`, the done/dismiss buttons. */
export function ReminderItem({ item, actions = false }: { item: InboxItem; actions?: boolean }) {
  const { t } = useT();
  const { date } = useDates();
  return (
    <li className="card stack">
      <p className="font-semibold">
        {item.unread ? <span className="mr-2 rounded bg-brand-700 px-2 py-0.5 text-sm text-white">{t("reminders.unread")}</span> : null}
        <Link to={item.href}>{t(`reminders.rules.${item.rule}`)}</Link>
      </p>
      {item.child ? <p>{t("reminders.aboutLog", { child: item.child })}</p> : null}
      <p className="text-sm text-slate-700">
        {item.dueOn ? `${t("reminders.due", { date: date(item.dueOn) })} · ` : null}
        {t("reminders.created", { date: date(item.createdAt.slice(0, 10)) })}
      </p>
      {actions ? (
        <div className="flex flex-wrap gap-3">
          {(["done", "dismiss"] as const).map((intent) => (
            <Form key={intent} method="post" action="/inbox">
              <input type="hidden" name="reminderId" value={item.id} />
              <button type="submit" name="intent" value={intent} className={intent === "done" ? "btn" : "btn-secondary"}>
                {t(intent === "done" ? "reminders.done" : "reminders.dismiss")}
              </button>
            </Form>
          ))}
        </div>
      ) : null}
    </li>
  );
}

/** The home page's card: how much waits in "Til deg", the newest few, and the way there. */
export function InboxSummary({ items, total }: { items: InboxItem[]; total: number }) {
  const { t } = useT();
  if (total === 0) return null;
  return (
    <section aria-labelledby="inbox-summary-heading" className="card stack">
      <h2 id="inbox-summary-heading">{t("reminders.title")}</h2>
      <p>{t("reminders.waiting", { count: total })}</p>
      <ul className="stack">
        {items.map((item) => (
          <ReminderItem key={item.id} item={item} />
        ))}
      </ul>
      <p>
        <Link to="/inbox">{t("reminders.seeAll")}</Link>
      </p>
    </section>
  );
}

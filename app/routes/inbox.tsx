import { parseWithZod } from "../lib/conform-zod";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData, useSearchParams } from "@remix-run/react";
import { useT } from "../i18n/use-t";
import { ReminderItem } from "../components/reminders/ReminderItem";
import { Notice } from "../components/ui/Notice";
import { Pagination } from "../components/ui/Pagination";
import { requireActor } from "../domain/auth/guards.server";
import { AppError } from "../domain/errors.server";
import { inbox, settleReminder } from "../domain/reminders/inbox.server";
import { pageTitle } from "../i18n/meta";
import { guard } from "../route-helpers/http.server";
import { InboxPageSchema, SettleReminderSchema } from "../lib/reminder-schemas";
import { ErrorPage } from "../components/ErrorPage";

export const meta: MetaFunction = (args) => pageTitle(args, "reminders.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const { page } = InboxPageSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return inbox(actor, page);
}

/** Mark done or dismiss: only the recipient's own open reminders; anything else is 404. */
export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  return guard(async () => {
    const submission = parseWithZod(await request.formData(), { schema: SettleReminderSchema });
    if (submission.status !== "success") throw new AppError(400, "body_malformed");
    const { reminderId, intent } = submission.value;
    await settleReminder(actor, reminderId, intent === "done" ? "done" : "dismissed");
    return redirect(`/inbox?notice=${intent === "done" ? "done" : "dismissed"}#notice`);
  });
}

export default function Inbox() {
  const { items, total, page, pages } = useLoaderData<typeof loader>();
  const { t } = useT();
  const [params] = useSearchParams();
  const notice = params.get("notice");
  return (
    <div className="stack max-w-3xl">
      <h1>{t("reminders.title")}</h1>
      <p>{t("reminders.intro")}</p>
      {notice === "done" || notice === "dismissed" ? (
        <div id="notice">
          <Notice>{t(notice === "done" ? "reminders.doneNotice" : "reminders.dismissedNotice")}</Notice>
        </div>
      ) : null}
      {items.length === 0 ? (
        <p>{t("reminders.empty")}</p>
      ) : (
        <>
          <p>{t("reminders.count", { count: total })}</p>
          <ul className="stack" aria-label={t("reminders.title")}>
            {items.map((item) => (
              <ReminderItem key={item.id} item={item} actions />
            ))}
          </ul>
          <Pagination page={page} pages={pages} href={(n) => `/inbox?page=${n}`} />
        </>
      )}
    </div>
  );
}

export const ErrorBoundary = ErrorPage;

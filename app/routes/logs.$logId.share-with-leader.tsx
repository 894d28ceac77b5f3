import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { requireActor } from "../domain/auth/guards.server";
import { shareWithLeader } from "../domain/logs/lifecycle.server";
import { guard } from "../route-helpers/http.server";
import { backToLog } from "../route-helpers/log-route.server";
import { ErrorPage } from "../components/ErrorPage";

/** Level 0: discuss the concern with one's leader. POST only. */
export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  return guard(async () => {
    await shareWithLeader(actor, params.logId ?? "");
    return redirect(backToLog(params.logId ?? "", "shared"));
  });
}

export function loader({ params }: ActionFunctionArgs) {
  return redirect(`/logs/${params.logId ?? ""}`);
}

/** A refused request (a body that is not a form, a log one may not leave…) is a page, not JSON. */
export const ErrorBoundary = ErrorPage;

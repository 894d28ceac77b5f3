import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { requireActor } from "../domain/auth/guards.server";
import { endParticipation } from "../domain/logs/participants.server";
import { guard } from "../route-helpers/http.server";
import { ErrorPage } from "../components/ErrorPage";

/** A participant leaves the log. POST only. */
export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  return guard(async () => {
    await endParticipation(actor, params.logId ?? "", { userId: actor.id });
    return redirect("/?notice=left");
  });
}

export function loader({ params }: ActionFunctionArgs) {
  return redirect(`/logs/${params.logId ?? ""}`);
}

/** A refused request (a body that is not a form, a log one may not leave…) is a page, not JSON. */
export const ErrorBoundary = ErrorPage;

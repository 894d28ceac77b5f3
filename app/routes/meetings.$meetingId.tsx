import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { ErrorPage } from "../components/ErrorPage";
import { staffViewer } from "../domain/access/viewer";
import { requireActor } from "../domain/auth/guards.server";
import { meetingTarget } from "../domain/meetings/meetings.server";
import { guard } from "../route-helpers/http.server";

/**
 * The link in a meeting's mail and calendar entry (staff): to the meeting on the log page,
 * after signing in; the same 404 as any log the person may not read.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  return guard(async () => redirect(await meetingTarget(staffViewer(actor), params.meetingId ?? "")));
}

export const ErrorBoundary = ErrorPage;

import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { ErrorPage } from "../components/ErrorPage";
import { familyViewer } from "../domain/access/viewer";
import { requireFamilyMember } from "../domain/family/guards.server";
import { meetingTarget } from "../domain/meetings/meetings.server";
import { guard } from "../route-helpers/http.server";

/** The link in a meeting's mail to a guardian or the young person: to the family's log page, after signing in. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireFamilyMember(request);
  return guard(async () => redirect(await meetingTarget(familyViewer(member), params.meetingId ?? "")));
}

export const ErrorBoundary = ErrorPage;

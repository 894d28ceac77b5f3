import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import * as z from "zod/mini";
import { ErrorPage } from "../components/ErrorPage";
import { requireActor } from "../domain/auth/guards.server";
import { AppError } from "../domain/errors.server";
import { tickStep } from "../domain/logs/checklist.server";
import { guard } from "../route-helpers/http.server";

const TickSchema = z.object({ stepId: z.string().check(z.minLength(1), z.maxLength(40)), done: z.enum(["true", "false"]) });

/** Tick or untick a step of the log's checklist (the holder only). POST only; back to the checklist. */
export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const logId = params.logId ?? "";
  return guard(async () => {
    const parsed = TickSchema.safeParse(Object.fromEntries(await request.formData()));
    if (!parsed.success) throw new AppError(404, "not_found");
    await tickStep(actor, logId, { stepId: parsed.data.stepId, done: parsed.data.done === "true" });
    return redirect(`/logs/${logId}#checklist`);
  });
}

export function loader({ params }: ActionFunctionArgs) {
  return redirect(`/logs/${params.logId ?? ""}`);
}

export const ErrorBoundary = ErrorPage;

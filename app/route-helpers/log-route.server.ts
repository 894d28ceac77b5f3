import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import type { z } from "zod";
import { requireActor } from "../domain/auth/guards.server";
import type { Actor } from "../domain/auth/permissions";
import type { StaffAccess } from "../domain/access/open.server";
import { logForm } from "../domain/logs/log-page.server";
import { getLocale } from "../i18n/locale.server";
import { guard, withFormErrors } from "./http.server";

/**
 * The two halves every form page about one log shares: the loader opens the log for the
 * form (the domain checks that the person may do what the form does and records the
 * read) and returns the heading; the action
 * parses with the form's zod schema, calls the domain, and goes back to the log.
 */
export async function loadLogForm<T extends object = object>(
  { request, params }: LoaderFunctionArgs,
  need: "read" | "write" | "hold" | "reopen",
  read?: (access: StaffAccess) => Promise<T>,
) {
  const actor = await requireActor(request);
  return guard(() => logForm(actor, params.logId ?? "", need, getLocale(request), read));
}

export async function logFormAction<S extends z.core.$ZodType>(
  { request, params }: ActionFunctionArgs,
  schema: S,
  run: (actor: Actor, logId: string, value: z.output<S>) => Promise<string>,
) {
  const actor = await requireActor(request);
  const logId = params.logId ?? "";
  const submission = parseWithZod(await request.formData(), { schema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  return withFormErrors(submission, async () => redirect(await run(actor, logId, submission.value as z.output<S>)));
}

/**
 * Back to the log after a save, to the confirmation: it is the first thing on the log page
 * and the fragment makes a phone show it (without JavaScript too), not the timeline below.
 */
export const backToLog = (logId: string, notice = "saved") => `/logs/${logId}?notice=${notice}#notice`;

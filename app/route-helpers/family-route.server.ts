import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import type { z } from "zod";
import type { FamilyMember } from "../domain/access/viewer";
import { requireFamilyMember } from "../domain/family/guards.server";
import { familyLogPage } from "../domain/family/pages.server";
import { guard, withFormErrors } from "./http.server";

/**
 * The two halves every family form page shares (like log-route.server.ts for staff): the
 * loader checks the family member may do what the form does and returns the heading; the
 * action parses with the form's zod schema, calls the domain, and goes back to the log.
 */
export async function loadFamilyForm({ request, params }: LoaderFunctionArgs, need: "read" | "write") {
  const member = await requireFamilyMember(request);
  return guard(() => familyLogPage(member, params.logId ?? "", { purpose: "form", need }));
}

export async function familyFormAction<S extends z.core.$ZodType>(
  { request, params }: ActionFunctionArgs,
  schema: S,
  run: (member: FamilyMember, logId: string, value: z.output<S>) => Promise<string>,
) {
  const member = await requireFamilyMember(request);
  const logId = params.logId ?? "";
  const submission = parseWithZod(await request.formData(), { schema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  return withFormErrors(submission, async () => redirect(await run(member, logId, submission.value as z.output<S>)));
}

export const backToFamilyLog = (logId: string, notice: string) => `/family/logs/${logId}?notice=${notice}`;

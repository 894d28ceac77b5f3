import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { requireActor } from "../domain/auth/guards.server";
import { can } from "../domain/auth/permissions";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  return redirect(can(actor, "users.manage") ? "/admin/users" : "/admin/services");
}

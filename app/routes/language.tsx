import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { localeCookie } from "../i18n/locale.server";
import { LocaleSchema } from "../lib/schemas";
import { ErrorPage } from "../components/ErrorPage";

/** Remember the chosen language and go back to the page the person was on. */
export async function action({ request }: ActionFunctionArgs) {
  const parsed = LocaleSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return redirect("/");
  return redirect(parsed.data.redirectTo, {
    headers: { "Set-Cookie": localeCookie(parsed.data.locale, request.url) },
  });
}

export function loader() {
  return redirect("/");
}

/** A refused request (a body that is not a form, a log one may not leave…) is a page, not JSON. */
export const ErrorBoundary = ErrorPage;

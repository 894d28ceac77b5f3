import { data, type MetaFunction } from "@remix-run/node";
import { pageTitle } from "../i18n/meta";
import { ErrorPage } from "../components/ErrorPage";

/** Every unknown path: a 404 rendered by the shared error page. */
export function loader() {
  throw data({ code: "not_found" }, { status: 404 });
}

export default function NotFound() {
  return null;
}

export const ErrorBoundary = ErrorPage;

export const meta: MetaFunction = (args) => pageTitle(args, "pages.notFoundTitle");

import { parseWithZod } from "../lib/conform-zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useT } from "../i18n/use-t";
import { ServiceForm } from "../components/ServiceForm";
import { requireActor, requireCapability } from "../domain/auth/guards.server";
import { createService, listServiceKinds } from "../domain/people/services.server";
import { getLocale } from "../i18n/locale.server";
import { pageTitle } from "../i18n/meta";
import { guard, withFormErrors } from "../route-helpers/http.server";
import { ServiceSchema } from "../lib/schemas";

export const meta: MetaFunction = (args) => pageTitle(args, "admin.services.new");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  return guard(async () => {
    requireCapability(actor, "services.manage");
    return { kinds: await listServiceKinds(getLocale(request)) };
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const submission = parseWithZod(await request.formData(), { schema: ServiceSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  return withFormErrors(submission, async () => {
    const { id } = await createService(actor, submission.value);
    return redirect(`/admin/services/${id}?notice=created`);
  });
}

export default function NewService() {
  const { kinds } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useT();
  return (
    <div className="stack max-w-xl">
      <h1>{t("admin.services.new")}</h1>
      <ServiceForm lastResult={lastResult} kinds={kinds} submitLabel={t("admin.services.create")} />
    </div>
  );
}

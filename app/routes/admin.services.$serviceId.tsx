import { parseWithZod } from "../lib/conform-zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useT } from "../i18n/use-t";
import { ServiceForm } from "../components/ServiceForm";
import { Notice } from "../components/ui/Notice";
import { requireActor } from "../domain/auth/guards.server";
import { getService, listServiceKinds, setServiceActive, updateService } from "../domain/people/services.server";
import { getLocale } from "../i18n/locale.server";
import { pageTitle } from "../i18n/meta";
import { guard, withFormErrors } from "../route-helpers/http.server";
import { ServiceSchema } from "../lib/schemas";

export const meta: MetaFunction<typeof loader> = (args) =>
  pageTitle(args, "admin.services.editTitle", { name: args.data?.service.name });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  return guard(async () => {
    const { service, members } = await getService(actor, params.serviceId ?? "");
    return {
      service: { id: service.id, name: service.name, kind: service.kind, active: service.active },
      members,
      kinds: await listServiceKinds(getLocale(request)),
    };
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const serviceId = params.serviceId ?? "";
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (intent === "deactivate" || intent === "reactivate") {
    return guard(async () => {
      await setServiceActive(actor, serviceId, intent === "reactivate");
      return redirect(`/admin/services/${serviceId}?notice=${intent}d`);
    });
  }
  const submission = parseWithZod(formData, { schema: ServiceSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  return withFormErrors(submission, async () => {
    await updateService(actor, serviceId, submission.value);
    return redirect(`/admin/services/${serviceId}?notice=saved`);
  });
}

const notices = {
  created: "admin.services.created",
  saved: "admin.services.saved",
  deactivated: "admin.services.deactivated",
  reactivated: "admin.services.reactivated",
} as const;

export default function EditService() {
  const { service, members, kinds } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t } = useT();
  const notice = notices[params.get("notice") as keyof typeof notices];
  return (
    <div className="stack max-w-3xl">
      <p>
        <Link to="/admin/services">← {t("admin.services.title")}</Link>
      </p>
      <h1>{t("admin.services.editTitle", { name: service.name })}</h1>
      {notice ? <Notice>{t(notice)}</Notice> : null}
      {!service.active ? <p className="badge">{t("admin.services.inactive")}</p> : null}
      <ServiceForm
        key={`${service.name}-${service.kind}`}
        lastResult={lastResult}
        kinds={kinds}
        defaultValue={{ name: service.name, kind: service.kind }}
        submitLabel={t("admin.services.save")}
      />
      <section aria-labelledby="members-heading" className="card stack">
        <h2 id="members-heading">{t("admin.services.currentMembers")}</h2>
        {members.length === 0 ? (
          <p>{t("admin.services.noMembers")}</p>
        ) : (
          <ul className="list-disc pl-6">
            {members.map((m) => (
              <li key={m.membershipId}>
                {m.name} – {t(`membershipRoles.${m.role}`)}
                {m.title ? `, ${m.title}` : ""}
                {!m.active ? ` (${t("admin.users.inactive")})` : ""}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="status-heading" className="card stack">
        <h2 id="status-heading">{t("admin.services.status")}</h2>
        <p className="hint">{t("admin.services.deactivateHint")}</p>
        <Form method="post">
          <input type="hidden" name="intent" value={service.active ? "deactivate" : "reactivate"} />
          <button type="submit" className={service.active ? "btn-danger" : "btn-secondary"}>
            {service.active ? t("admin.services.deactivate") : t("admin.services.reactivate")}
          </button>
        </Form>
      </section>
    </div>
  );
}

import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "../lib/conform-zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useT } from "../i18n/use-t";
import { InvitationLink, UserFields, userFieldLabels } from "../components/UserFields";
import { ErrorSummary } from "../components/ui/ErrorSummary";
import { SelectField, TextField } from "../components/ui/Field";
import { settings } from "../config.server";
import { requireActor, requireCapability } from "../domain/auth/guards.server";
import { publicBaseUrl } from "../domain/mail/mailer.server";
import { accountInvitationPath } from "../domain/people/account-invitations.server";
import { listServices } from "../domain/people/services.server";
import { createUser } from "../domain/people/users.server";
import { formatDateTime } from "../i18n/format";
import { getLocale } from "../i18n/locale.server";
import { pageTitle } from "../i18n/meta";
import { membershipRoles } from "../lib/enums";
import { domainErrorReply, guard } from "../route-helpers/http.server";
import { NewUserSchema } from "../lib/schemas";

export const meta: MetaFunction = (args) => pageTitle(args, "admin.users.new");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  return guard(async () => {
    requireCapability(actor, "users.manage");
    const services = await listServices(actor, getLocale(request));
    return { services: services.filter((s) => s.active).map((s) => ({ id: s.id, name: s.name })) };
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const submission = parseWithZod(await request.formData(), { schema: NewUserSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), created: null }, { status: 400 });
  const { serviceId, role, title, ...user } = submission.value;
  try {
    const { id, invitation } = await createUser(actor, {
      ...user,
      membership: serviceId ? { serviceId, role, title } : undefined,
    });
    return {
      result: submission.reply({ resetForm: true }),
      created: {
        id,
        name: user.name,
        url: `${publicBaseUrl(settings())}${accountInvitationPath(invitation.token)}`,
        expires: formatDateTime(invitation.expiresAt, getLocale(request)),
      },
    };
  } catch (error) {
    const { reply, status } = domainErrorReply(submission, error);
    return data({ result: reply, created: null }, { status });
  }
}

export default function NewUser() {
  const { services } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useT();
  const [form, fields] = useForm({
    id: "new-user",
    lastResult: actionData?.result,
    defaultValue: { role: "employee" },
    constraint: getZodConstraint(NewUserSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: NewUserSchema }),
  });
  const created = actionData?.created;
  return (
    <div className="stack max-w-xl">
      <p>
        <Link to="/admin/users">← {t("admin.users.title")}</Link>
      </p>
      <h1>{t("admin.users.new")}</h1>
      {created ? (
        <>
          <InvitationLink
            url={created.url}
            message={t("admin.users.invitationCreated", { name: created.name, date: created.expires })}
          />
          <p>
            <Link to={`/admin/users/${created.id}`}>{t("admin.users.editTitle", { name: created.name })}</Link>
          </p>
        </>
      ) : null}
      <ErrorSummary
        form={form}
        fields={{
          name: fields.name,
          email: fields.email,
          isAdministrator: fields.isAdministrator,
          isCoordinator: fields.isCoordinator,
          serviceId: fields.serviceId,
          role: fields.role,
          title: fields.title,
        }}
        labels={{
          ...userFieldLabels(t),
          serviceId: t("admin.users.firstService"),
          role: t("admin.users.role"),
          title: t("admin.users.jobTitle"),
        }}
      />
      <Form method="post" {...getFormProps(form)} className="card stack">
        <UserFields fields={fields} />
        <SelectField
          field={fields.serviceId}
          label={t("admin.users.firstService")}
          placeholder={t("admin.users.noService")}
          options={services.map((s) => ({ value: s.id, label: s.name }))}
        />
        <SelectField
          field={fields.role}
          label={t("admin.users.role")}
          options={membershipRoles.map((r) => ({ value: r, label: t(`membershipRoles.${r}`) }))}
        />
        <TextField field={fields.title} label={t("admin.users.jobTitle")} hint={t("admin.users.jobTitleHint")} />
        <button type="submit" className="btn-primary">
          {t("admin.users.create")}
        </button>
      </Form>
    </div>
  );
}

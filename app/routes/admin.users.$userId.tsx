import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "../lib/conform-zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useT } from "../i18n/use-t";
import * as z from "zod/mini";
import { InvitationLink, UserFields, userFieldLabels } from "../components/UserFields";
import { ErrorSummary } from "../components/ui/ErrorSummary";
import { SelectField, TextField } from "../components/ui/Field";
import { translateError } from "../components/ui/messages";
import { Notice } from "../components/ui/Notice";
import { settings } from "../config.server";
import { requireActor } from "../domain/auth/guards.server";
import { isAppError } from "../domain/errors.server";
import { publicBaseUrl } from "../domain/mail/mailer.server";
import { accountInvitationPath } from "../domain/people/account-invitations.server";
import { listServices } from "../domain/people/services.server";
import {
  addMembership,
  changeMembershipRole,
  endMembership,
  getUser,
  reissueAccountInvitation,
  setUserActive,
  updateUser,
} from "../domain/people/users.server";
import { formatDate, formatDateTime } from "../i18n/format";
import { getLocale } from "../i18n/locale.server";
import { pageTitle } from "../i18n/meta";
import { membershipRoles } from "../lib/enums";
import { domainErrorReply, guard, toErrorResponse } from "../route-helpers/http.server";
import { MembershipSchema, UserSchema } from "../lib/schemas";

export const meta: MetaFunction<typeof loader> = (args) =>
  pageTitle(args, "admin.users.editTitle", { name: args.data?.user.name });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const locale = getLocale(request);
  return guard(async () => {
    const { user, memberships, pastMemberships, pendingInvitation } = await getUser(actor, params.userId ?? "");
    const services = await listServices(actor, locale);
    return {
      isSelf: user.id === actor.id,
      user: {
        id: user.id,
        name: user.name,
        email: user.email,
        isAdministrator: user.isAdministrator,
        isCoordinator: user.isCoordinator,
        active: user.active,
        hasPassword: user.hasPassword,
      },
      memberships: memberships.map((m) => ({ ...m, since: formatDate(m.startedAt, locale) })),
      pastMemberships: pastMemberships.map((m) => ({
        ...m,
        from: formatDate(m.startedAt, locale),
        to: formatDate(m.endedAt!, locale),
      })),
      pendingInvitation: pendingInvitation ? formatDateTime(pendingInvitation.expiresAt, locale) : null,
      services: services
        .filter((s) => s.active && !memberships.some((m) => m.serviceId === s.id))
        .map((s) => ({ id: s.id, name: s.name })),
    };
  });
}

const MembershipRef = z.object({ membershipId: z.string().check(z.maxLength(40)), role: z.optional(z.enum(membershipRoles)) });

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const userId = params.userId ?? "";
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  const done = (notice: string) => redirect(`/admin/users/${userId}?notice=${notice}`);

  if (intent === "details" || intent === "addMembership") {
    const submission = parseWithZod(formData, { schema: intent === "details" ? UserSchema : MembershipSchema });
    if (submission.status !== "success") return data({ intent, result: submission.reply() }, { status: 400 });
    try {
      if (intent === "details") await updateUser(actor, userId, submission.value as z.output<typeof UserSchema>);
      else await addMembership(actor, userId, submission.value as z.output<typeof MembershipSchema>);
      return done(intent === "details" ? "saved" : "membershipAdded");
    } catch (error) {
      const { reply, status } = domainErrorReply(submission, error);
      return data({ intent, result: reply }, { status });
    }
  }

  try {
    switch (intent) {
      case "endMembership":
      case "changeRole": {
        const ref = MembershipRef.safeParse(Object.fromEntries(formData));
        if (!ref.success) throw toErrorResponse(new Error("bad membership reference"));
        if (intent === "endMembership") await endMembership(actor, userId, ref.data.membershipId);
        else await changeMembershipRole(actor, userId, ref.data.membershipId, ref.data.role ?? "employee");
        return done(intent === "endMembership" ? "membershipEnded" : "roleChanged");
      }
      case "deactivate":
      case "reactivate":
        await setUserActive(actor, userId, intent === "reactivate");
        return done(`${intent}d`);
      case "reissue": {
        const invitation = await reissueAccountInvitation(actor, userId);
        return {
          intent,
          invitation: {
            url: `${publicBaseUrl(settings())}${accountInvitationPath(invitation.token)}`,
            expires: formatDateTime(invitation.expiresAt, getLocale(request)),
          },
        };
      }
      default:
        return data({ intent, error: "errors.not_found" }, { status: 400 });
    }
  } catch (error) {
    if (isAppError(error) && error.status === 400) {
      return data({ intent, error: `errors.${error.code}` }, { status: 400 });
    }
    throw toErrorResponse(error);
  }
}

const notices = {
  saved: "admin.users.saved",
  membershipAdded: "admin.users.membershipAdded",
  membershipEnded: "admin.users.membershipEnded",
  roleChanged: "admin.users.roleChanged",
  deactivated: "admin.users.deactivated",
  reactivated: "admin.users.reactivated",
} as const;

export default function EditUser() {
  const { user, memberships, pastMemberships, pendingInvitation, services, isSelf } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t } = useT();
  const notice = notices[params.get("notice") as keyof typeof notices];
  const resultFor = (intent: string) =>
    actionData && "result" in actionData && actionData.intent === intent ? actionData.result : undefined;
  const buttonError =
    actionData && "error" in actionData && typeof actionData.error === "string" ? actionData.error : null;

  const [detailsForm, details] = useForm({
    id: "user-details",
    lastResult: resultFor("details"),
    defaultValue: {
      name: user.name,
      email: user.email,
      isAdministrator: user.isAdministrator ? "on" : undefined,
      isCoordinator: user.isCoordinator ? "on" : undefined,
    },
    constraint: getZodConstraint(UserSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: UserSchema }),
  });
  const [membershipForm, membership] = useForm({
    id: "add-membership",
    lastResult: resultFor("addMembership"),
    defaultValue: { role: "employee" },
    constraint: getZodConstraint(MembershipSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: MembershipSchema }),
  });
  const invitation = actionData && "invitation" in actionData ? actionData.invitation : null;

  return (
    <div className="stack max-w-3xl">
      <p>
        <Link to="/admin/users">← {t("admin.users.title")}</Link>
      </p>
      <h1>{t("admin.users.editTitle", { name: user.name })}</h1>
      {notice ? <Notice>{t(notice)}</Notice> : null}
      {buttonError ? (
        <div role="alert" className="error-summary">
          <p className="font-semibold text-red-800">{translateError(t, buttonError)}</p>
        </div>
      ) : null}
      {invitation ? (
        <InvitationLink
          url={invitation.url}
          message={t("admin.users.invitationReissued", { name: user.name, date: invitation.expires })}
        />
      ) : null}

      <section aria-labelledby="details-heading" className="stack">
        <h2 id="details-heading">{t("admin.users.details")}</h2>
        <ErrorSummary
          form={detailsForm}
          fields={{ name: details.name, email: details.email, isAdministrator: details.isAdministrator, isCoordinator: details.isCoordinator }}
          labels={userFieldLabels(t)}
        />
        <Form method="post" {...getFormProps(detailsForm)} className="card stack">
          <input type="hidden" name="intent" value="details" />
          <UserFields fields={details} />
          <button type="submit" className="btn-primary">
            {t("admin.users.save")}
          </button>
        </Form>
      </section>

      <section aria-labelledby="memberships-heading" className="card stack">
        <h2 id="memberships-heading">{t("admin.users.memberships")}</h2>
        {memberships.length === 0 ? <p>{t("admin.users.noMemberships")}</p> : null}
        <ul className="stack">
          {memberships.map((m) => (
            <li key={m.id} className="flex flex-wrap items-center gap-3 border-b border-slate-200 pb-3">
              <span className="grow">
                <strong>{m.serviceName}</strong> – {t(`membershipRoles.${m.role}`)}
                {m.title ? `, ${m.title}` : ""} <span className="hint">({t("admin.users.since", { date: m.since })})</span>
              </span>
              <Form method="post">
                <input type="hidden" name="intent" value="changeRole" />
                <input type="hidden" name="membershipId" value={m.id} />
                <input type="hidden" name="role" value={m.role === "leader" ? "employee" : "leader"} />
                <button
                  type="submit"
                  className="btn-secondary"
                  aria-label={`${t("admin.users.changeRole", { service: m.serviceName })}: ${m.role === "leader" ? t("admin.users.makeEmployee") : t("admin.users.makeLeader")}`}
                >
                  {m.role === "leader" ? t("admin.users.makeEmployee") : t("admin.users.makeLeader")}
                </button>
              </Form>
              <Form method="post">
                <input type="hidden" name="intent" value="endMembership" />
                <input type="hidden" name="membershipId" value={m.id} />
                <button type="submit" className="btn-danger">
                  {t("admin.users.endMembership", { service: m.serviceName })}
                </button>
              </Form>
            </li>
          ))}
        </ul>
        {services.length > 0 ? (
          <>
            <h3>{t("admin.users.addMembership")}</h3>
            <ErrorSummary
              form={membershipForm}
              fields={{ serviceId: membership.serviceId, role: membership.role, title: membership.title }}
              labels={{ serviceId: t("admin.services.name"), role: t("admin.users.role"), title: t("admin.users.jobTitle") }}
            />
            <Form method="post" {...getFormProps(membershipForm)} className="stack">
              <input type="hidden" name="intent" value="addMembership" />
              <SelectField
                field={membership.serviceId}
                label={t("admin.services.name")}
                placeholder=""
                options={services.map((s) => ({ value: s.id, label: s.name }))}
              />
              <SelectField
                field={membership.role}
                label={t("admin.users.role")}
                options={membershipRoles.map((r) => ({ value: r, label: t(`membershipRoles.${r}`) }))}
              />
              <TextField field={membership.title} label={t("admin.users.jobTitle")} hint={t("admin.users.jobTitleHint")} />
              <button type="submit" className="btn-secondary">
                {t("admin.users.add")}
              </button>
            </Form>
          </>
        ) : null}
        {pastMemberships.length > 0 ? (
          <>
            <h3>{t("admin.users.pastMemberships")}</h3>
            <ul className="list-disc pl-6">
              {pastMemberships.map((m) => (
                <li key={m.id}>
                  {m.serviceName} – {t(`membershipRoles.${m.role}`)} ({t("admin.users.period", { from: m.from, to: m.to })})
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      <section aria-labelledby="access-heading" className="card stack">
        <h2 id="access-heading">{t("admin.users.access")}</h2>
        <p>
          {user.active ? t("admin.users.active") : t("admin.users.inactive")} –{" "}
          {user.hasPassword ? t("admin.users.hasPassword") : t("admin.users.awaitingPassword")}
        </p>
        {pendingInvitation && !invitation ? <p>{t("admin.users.invitationPending", { date: pendingInvitation })}</p> : null}
        {user.active ? (
          <Form method="post">
            <input type="hidden" name="intent" value="reissue" />
            <button type="submit" className="btn-secondary">
              {t("admin.users.reissue")}
            </button>
          </Form>
        ) : null}
        {!isSelf ? (
          <>
            {user.active ? <p className="hint">{t("admin.users.deactivateHint")}</p> : null}
            <Form method="post">
              <input type="hidden" name="intent" value={user.active ? "deactivate" : "reactivate"} />
              <button type="submit" className={user.active ? "btn-danger" : "btn-secondary"}>
                {user.active ? t("admin.users.deactivate") : t("admin.users.reactivate")}
              </button>
            </Form>
          </>
        ) : null}
      </section>
    </div>
  );
}

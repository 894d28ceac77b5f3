import type { FieldMetadata } from "@conform-to/react";
import { useT } from "../i18n/use-t";
import { CheckboxField, TextField } from "./ui/Field";

type Meta = FieldMetadata<string | boolean | undefined, Record<string, unknown>, string[]>;

/** Name, e-mail and the two municipality-wide roles: shared by "new user" and "edit user". */
export function UserFields({ fields }: { fields: { name: Meta; email: Meta; isAdministrator: Meta; isCoordinator: Meta } }) {
  const { t } = useT();
  return (
    <>
      <TextField field={fields.name} label={t("admin.users.name")} autoComplete="off" />
      <TextField field={fields.email} label={t("admin.users.email")} type="email" autoComplete="off" />
      <fieldset className="stack">
        <legend className="font-semibold">{t("admin.users.roles")}</legend>
        <CheckboxField
          field={fields.isCoordinator}
          label={t("admin.users.isCoordinator")}
          hint={t("admin.users.isCoordinatorHint")}
        />
        <CheckboxField
          field={fields.isAdministrator}
          label={t("admin.users.isAdministrator")}
          hint={t("admin.users.isAdministratorHint")}
        />
      </fieldset>
    </>
  );
}

export function userFieldLabels(t: (key: "admin.users.name" | "admin.users.email" | "admin.users.isAdministrator" | "admin.users.isCoordinator") => string) {
  return {
    name: t("admin.users.name"),
    email: t("admin.users.email"),
    isAdministrator: t("admin.users.isAdministrator"),
    isCoordinator: t("admin.users.isCoordinator"),
  };
}

/** The one-time invitation link, shown after creating a user or making a new link. */
export function InvitationLink({ url, message }: { url: string; message: string }) {
  const { t } = useT();
  return (
    <section aria-labelledby="invitation-heading" role="status" className="notice notice-success stack">
      <h2 id="invitation-heading">{t("admin.users.invitationTitle")}</h2>
      <p>{message}</p>
      <p className="link-box" data-testid="invitation-link">
        {url}
      </p>
      <p className="hint">{t("admin.users.invitationNote")}</p>
    </section>
  );
}

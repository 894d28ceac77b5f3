import * as z from "zod/mini";
import { membershipRoles, serviceKindCodes } from "./enums";
import { safeRedirect } from "./redirect";
import { checkbox, email, formSchema, id40, newPassword, pageNumber, personName, searchText, serviceName, shortText } from "./validation";

/**
 * One zod schema per form, shared by the server (action) and the browser (conform's
 * client validation), each built by formSchema (invisible characters removed first).
 * Messages are translation keys.
 */
const redirectTo = z.pipe(z.optional(z.string()), z.transform((v: string | undefined) => safeRedirect(v)));

export const LoginSchema = formSchema(z.object({
  email,
  password: z
    .string({ error: "validation.required" })
    .check(z.minLength(1, { error: "validation.required" }), z.maxLength(256, { error: "validation.tooLong_256" })),
  redirectTo,
}));

export const SetPasswordSchema = formSchema(
  z
    .object({ password: newPassword, confirm: z.string({ error: "validation.required" }) })
    .check(z.refine((v) => v.password === v.confirm, { path: ["confirm"], error: "validation.passwordMismatch" })),
);

const kind = z.enum(serviceKindCodes, { error: "validation.invalidChoice" });
const role = z.enum(membershipRoles, { error: "validation.invalidChoice" });

export const ServiceSchema = formSchema(z.object({ name: serviceName, kind }));

const user = {
  name: personName,
  email,
  isAdministrator: checkbox,
  isCoordinator: checkbox,
};

export const UserSchema = formSchema(z.object(user));

export const NewUserSchema = formSchema(
  z.object({
    ...user,
    serviceId: z.optional(id40()),
    role: z._default(role, "employee"),
    title: z.optional(shortText),
  }),
);

export const MembershipSchema = formSchema(
  z.object({
    serviceId: id40({ error: "validation.invalidChoice" }),
    role,
    title: z.optional(shortText),
  }),
);

export const LocaleSchema = formSchema(z.object({
  locale: z.enum(["nb", "en"]),
  redirectTo,
}));

export const UserSearchSchema = formSchema(
  z.object({
    q: searchText(),
    page: pageNumber(),
  }),
);

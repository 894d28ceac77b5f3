import { z } from "zod";
import { membershipRoles, serviceKindCodes } from "./enums";
import { safeRedirect } from "./redirect";
import { checkbox, email, formSchema, newPassword, personName, serviceName, shortText } from "./validation";

/**
 * One zod schema per form, shared by the server (action) and the browser (conform's
 * client validation), each built by formSchema (invisible characters removed first).
 * Messages are translation keys.
 */
export const LoginSchema = formSchema(z.object({
  email,
  password: z
    .string({ error: "validation.required" })
    .min(1, { error: "validation.required" })
    .max(256, { error: "validation.tooLong_256" }),
  redirectTo: z
    .string()
    .optional()
    .transform((v) => safeRedirect(v)),
}));

export const SetPasswordSchema = formSchema(
  z
    .object({ password: newPassword, confirm: z.string({ error: "validation.required" }) })
    .refine((v) => v.password === v.confirm, { path: ["confirm"], error: "validation.passwordMismatch" }),
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
    serviceId: z.string().max(40).optional(),
    role: role.default("employee"),
    title: shortText.optional(),
  }),
);

export const MembershipSchema = formSchema(
  z.object({
    serviceId: z.string({ error: "validation.invalidChoice" }).max(40),
    role,
    title: shortText.optional(),
  }),
);

export const LocaleSchema = formSchema(z.object({
  locale: z.enum(["nb", "en"]),
  redirectTo: z
    .string()
    .optional()
    .transform((v) => safeRedirect(v)),
}));

export const UserSearchSchema = formSchema(
  z.object({
    q: z.string().trim().max(100).optional().catch(undefined),
    page: z.coerce.number().int().min(1).max(100000).catch(1),
  }),
);

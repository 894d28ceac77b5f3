import * as z from "zod/mini";
import { shortText } from "./validation";

/**
 * Who is responsible for an action (issue 11 point 1). On the forms it is one choice — a
 * person on the log (`person:<userId>`), the guardians, the child, or someone else — and,
 * for someone else, a name or role written in a text field beside it. Shared by the
 * browser and the server; the domain checks that a chosen person is on the log.
 */
export type ResponsibleInput =
  | { kind: "person"; userId: string }
  | { kind: "guardians" }
  | { kind: "child" }
  | { kind: "other"; text: string };

const CHOICE = /^(person:[A-Za-z0-9_-]{1,40}|guardians|child|other)$/;

export const responsibleChoice = z
  .string({ error: "validation.required" })
  .check(z.regex(CHOICE, { error: "validation.invalidChoice" }));

/** The text field beside the choice: required (by `requireOther`) only for someone else. */
export const responsibleOther = z.optional(shortText);

/** The choice and its text, as the domain takes them. */
export function responsibleOf(choice: string, other: string | undefined): ResponsibleInput {
  if (choice.startsWith("person:")) return { kind: "person", userId: choice.slice("person:".length) };
  if (choice === "guardians" || choice === "child") return { kind: choice };
  return { kind: "other", text: other ?? "" };
}

export { responsibleLabel } from "./responsible-label";

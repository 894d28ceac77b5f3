import type { SubmissionResult } from "@conform-to/react";
import { data } from "@remix-run/node";
import { isAppError } from "../domain/errors.server";

/**
 * The one place where domain errors become HTTP answers (CONVENTIONS.md "errors
 * translated in one place"). Domain errors become error responses with their status and
 * code, which the route's ErrorBoundary renders (404 and 403 as such, others with the
 * translated code); unknown errors stay errors (a generic 500 page, nothing leaked).
 */
export function toErrorResponse(error: unknown): unknown {
  if (isAppError(error)) return data({ code: error.code }, { status: error.status });
  return error;
}

/** Run a loader body; domain 403/404 become error responses. */
export async function guard<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw toErrorResponse(error);
  }
}

interface Replyable {
  reply(options?: {
    formErrors?: string[];
    fieldErrors?: Record<string, string[]>;
    hideFields?: string[];
  }): SubmissionResult<string[]>;
}

/**
 * Turn a domain input error (400 with a field, 409, 429) into a conform reply: next to the
 * field, or at the top of the form, with what the user typed kept. Error texts are
 * translation keys (`errors.<code>`); a wait time rides along as
 * `errors.too_many_attempts|<seconds>`. Anything else is rethrown (403/404 as responses).
 */
export function domainErrorReply(
  submission: Replyable,
  error: unknown,
  options: { hideFields?: string[] } = {},
): { reply: SubmissionResult<string[]>; status: number } {
  if (isAppError(error) && (error.status === 400 || error.status === 409 || error.status === 429 || error.status === 503)) {
    const message =
      error.details.retryAfterSeconds !== undefined
        ? `errors.${error.code}|${error.details.retryAfterSeconds}`
        : `errors.${error.code}`;
    const reply = error.details.field
      ? submission.reply({ fieldErrors: { [error.details.field]: [message] }, hideFields: options.hideFields })
      : submission.reply({ formErrors: [message], hideFields: options.hideFields });
    return { reply, status: error.status };
  }
  throw toErrorResponse(error);
}

/** Run a form action's domain call; input errors come back as a conform reply. */
export async function withFormErrors<T>(
  submission: Replyable,
  fn: () => Promise<T>,
  options: { hideFields?: string[] } = {},
) {
  try {
    return await fn();
  } catch (error) {
    const { reply, status } = domainErrorReply(submission, error, options);
    return data(reply, { status });
  }
}

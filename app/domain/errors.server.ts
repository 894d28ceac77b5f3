/**
 * The domain's one error type. `code` is a short, stable identifier that the UI
 * translates (`errors.<code>`); `field` names the form field an input error belongs to.
 * Messages and details never carry personal data.
 */
export class AppError extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 409 | 429 | 503,
    readonly code: string,
    readonly details: { field?: string; retryAfterSeconds?: number } = {},
  ) {
    super(code);
    this.name = "AppError";
  }
}

export const notFound = () => new AppError(404, "not_found");
export const forbidden = () => new AppError(403, "forbidden");
export const fieldError = (field: string, code: string) => new AppError(400, code, { field });

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

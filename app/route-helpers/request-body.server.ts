import { data, type ActionFunctionArgs, type ServerBuild } from "@remix-run/node";
import { MAX_ATTACHMENT_BYTES } from "../domain/consent/attachments.server";

/**
 * Every form action's body is checked once, before the action runs (decision 011): the
 * server wraps each route's `action` in the Remix build (see guardActionBodies, used by
 * createApp in app/server.ts), so a new route is covered without doing anything.
 *
 * - Size: an ordinary form may carry FORM_BODY_LIMIT bytes; a route that takes a file
 *   (listed in UPLOAD_ROUTES) the file's limit plus that. More is answered 413.
 * - Type: application/x-www-form-urlencoded or multipart/form-data (with a boundary) only;
 *   an upload route takes multipart only. Anything else (JSON, text/plain, no type on a
 *   non-empty body) is answered 415. An empty body without a type is an empty form.
 * - Shape: the body is parsed here; a body that does not parse (a broken multipart body,
 *   multipart without a boundary) is answered 400.
 *
 * The refusals are error responses with a code, which the route's ErrorBoundary (root's
 * ErrorPage) renders as the translated "bad request" page. The action then receives a
 * fresh Request whose body is the parsed form serialised again, so the action's own
 * parsing (request.formData(), Remix's multipart parser) reads exactly what was checked
 * and cannot fail on malformed input.
 */

/**
 * The largest text field is a few thousand characters (a journal entry); 256 kB holds the
 * largest form about twenty times over, even when every character is percent-encoded, and
 * keeps an abusive body far from memory trouble.
 */
export const FORM_BODY_LIMIT = 256 * 1024;

/** Routes whose form carries a file: multipart only, with room for the file. */
export const UPLOAD_ROUTES: Readonly<Record<string, number>> = {
  "routes/logs.$logId.consents.new": MAX_ATTACHMENT_BYTES + FORM_BODY_LIMIT,
};

export interface BodyRule {
  maxBytes: number;
  multipartOnly: boolean;
}

export function bodyRuleFor(routeId: string): BodyRule {
  const upload = UPLOAD_ROUTES[routeId];
  return upload ? { maxBytes: upload, multipartOnly: true } : { maxBytes: FORM_BODY_LIMIT, multipartOnly: false };
}

/** The refusal codes; texts are `errors.<code>` in app/i18n. */
export type BodyRefusal = "body_too_large" | "body_unsupported" | "body_malformed";

function refuse(status: 400 | 413 | 415, code: BodyRefusal): never {
  throw data({ code }, { status });
}

/**
 * A body over the limit is still read (and thrown away) up to this many times the limit,
 * so the browser gets to read the 413 page: answering before the upload has finished makes
 * the server reset the connection, and the person sees a browser error instead. Beyond
 * that the connection is cut.
 */
const DRAIN_FACTOR = 4;

async function readLimited(request: Request, maxBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(request.headers.get("Content-Length") ?? "0");
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let tooLarge = Number.isFinite(declared) && declared > maxBytes;
  for (;;) {
    let next: ReadableStreamReadResult<Uint8Array>;
    try {
      next = await reader.read();
    } catch {
      // The client went away or sent a broken chunked body.
      refuse(tooLarge ? 413 : 400, tooLarge ? "body_too_large" : "body_malformed");
    }
    if (next.done) break;
    size += next.value.byteLength;
    if (size > maxBytes) tooLarge = true;
    if (size > maxBytes * DRAIN_FACTOR) {
      await reader.cancel().catch(() => undefined);
      break;
    }
    if (!tooLarge) chunks.push(next.value);
  }
  if (tooLarge) refuse(413, "body_too_large");
  const body = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    body.set(chunk, at);
    at += chunk.byteLength;
  }
  return body;
}

/**
 * Check a form request's body against the rule and return a request the action can read
 * safely; throws a 400, 413 or 415 error response otherwise.
 */
export async function checkFormRequest(request: Request, rule: BodyRule): Promise<Request> {
  const contentType = request.headers.get("Content-Type") ?? "";
  const [mediaType = "", ...parameters] = contentType.split(";").map((part) => part.trim());
  const type = mediaType.toLowerCase();
  const multipart = type === "multipart/form-data";
  const urlEncoded = type === "application/x-www-form-urlencoded";
  if (!multipart && !(urlEncoded && !rule.multipartOnly) && !(type === "" && !rule.multipartOnly)) {
    refuse(415, "body_unsupported");
  }
  if (multipart && !parameters.some((p) => /^boundary=./i.test(p))) refuse(400, "body_malformed");

  const body = await readLimited(request, rule.maxBytes);
  const headers = new Headers(request.headers);
  for (const name of ["Content-Type", "Content-Length", "Transfer-Encoding", "Content-Encoding"]) headers.delete(name);
  const init = { method: request.method, headers, signal: request.signal };

  if (type === "") {
    // A POST without a body (a sign-out button sent by a script): an empty form.
    if (body.byteLength > 0) refuse(415, "body_unsupported");
    return new Request(request.url, { ...init, body: new URLSearchParams() });
  }
  let form: FormData;
  try {
    form = await new Response(body, { headers: { "Content-Type": contentType } }).formData();
  } catch {
    refuse(400, "body_malformed");
  }
  if (multipart) return new Request(request.url, { ...init, body: form });
  const fields = new URLSearchParams();
  for (const [name, value] of form) fields.append(name, typeof value === "string" ? value : value.name);
  return new Request(request.url, { ...init, body: fields });
}

/** The build with every route's action behind checkFormRequest. */
export function guardActionBodies(build: ServerBuild): ServerBuild {
  const routes: ServerBuild["routes"] = {};
  for (const [id, route] of Object.entries(build.routes)) {
    const action = route.module.action;
    if (!action) {
      routes[id] = route;
      continue;
    }
    const rule = bodyRuleFor(id);
    const checked = async (args: ActionFunctionArgs) => action({ ...args, request: await checkFormRequest(args.request, rule) });
    routes[id] = { ...route, module: { ...route.module, action: checked } };
  }
  return { ...build, routes };
}

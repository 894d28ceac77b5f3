import type { ActionFunctionArgs, ServerBuild } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { MAX_ATTACHMENT_BYTES } from "../../app/domain/consent/attachments.server";
import { FORM_BODY_LIMIT, guardActionBodies, UPLOAD_ROUTES } from "../../app/route-helpers/request-body.server";

/**
 * Issue 9 point 5 / decision 011: every form action's body is checked before the action
 * runs (app/route-helpers/request-body.server.ts). These tests wrap a build of three routes — an
 * ordinary form, the upload route and one without an action — the way app/server.ts
 * wraps the real build, and send real Requests. (405 for unknown methods is answered in
 * app/server.ts, before Remix; tests/e2e/bad-requests.test.ts covers it.)
 */
const FORM_ROUTE = "routes/logs.$logId.entry";
const UPLOAD_ROUTE = "routes/logs.$logId.consents.new";
const URL_ = "http://localhost:3000/logs/abc/entry";

/** What an action saw: the fields it parsed (files as name and size). */
type Seen = { contentType: string | null; fields: [string, string][] };

async function describeForm(request: Request): Promise<Seen> {
  const form = await request.formData();
  const fields: [string, string][] = [];
  for (const [name, value] of form) fields.push([name, typeof value === "string" ? value : `file ${value.name} ${value.size}`]);
  return { contentType: request.headers.get("Content-Type"), fields };
}

function buildOf(): ServerBuild {
  const route = (id: string, action?: (args: ActionFunctionArgs) => Promise<unknown>) => ({
    id,
    parentId: "root",
    path: id,
    module: action ? { default: () => null, action } : { default: () => null },
  });
  const routes = {
    [FORM_ROUTE]: route(FORM_ROUTE, ({ request }) => describeForm(request)),
    [UPLOAD_ROUTE]: route(UPLOAD_ROUTE, ({ request }) => describeForm(request)),
    "routes/about": route("routes/about"),
  };
  // Only `routes` is read by guardActionBodies; the rest of a build plays no part here.
  return { routes } as unknown as ServerBuild;
}

const guarded = guardActionBodies(buildOf());

/** Post to a route of the guarded build: what the action returned, or the status and code of the refusal. */
async function post(routeId: string, init: RequestInit & { duplex?: "half" }): Promise<{ status: number; code?: string; seen?: Seen }> {
  const action = guarded.routes[routeId]!.module.action!;
  const request = new Request(URL_, { method: "POST", ...init });
  try {
    const seen = (await action({ request, params: {}, context: { cspNonce: "test", clientAddress: "127.0.0.1" } })) as Seen;
    return { status: 200, seen };
  } catch (thrown) {
    const refusal = thrown as { type?: string; data?: { code?: string }; init?: { status?: number } };
    if (refusal?.type !== "DataWithResponseInit") throw thrown;
    return { status: refusal.init?.status ?? 0, code: refusal.data?.code };
  }
}

const urlEncoded = (body: string) => ({ headers: { "Content-Type": "application/x-www-form-urlencoded" }, body });

/** A multipart body by hand (as a browser sends it), so its boundary and shape are the test's. */
function multipart(parts: { name: string; value: string | Uint8Array; filename?: string }[], boundary = "----stafett-test-boundary") {
  const encoder = new TextEncoder();
  const chunks: Uint8Array[] = [];
  for (const part of parts) {
    const disposition = `form-data; name="${part.name}"${part.filename ? `; filename="${part.filename}"` : ""}`;
    const type = part.filename ? "Content-Type: application/pdf\r\n" : "";
    chunks.push(encoder.encode(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n${type}\r\n`));
    chunks.push(typeof part.value === "string" ? encoder.encode(part.value) : part.value);
    chunks.push(encoder.encode("\r\n"));
  }
  chunks.push(encoder.encode(`--${boundary}--\r\n`));
  const body = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
  let at = 0;
  for (const c of chunks) {
    body.set(c, at);
    at += c.byteLength;
  }
  return { headers: { "Content-Type": `multipart/form-data; boundary=${boundary}` }, body };
}

/** A body sent in chunks without a Content-Length, as a client may stream it. */
function streamed(contentType: string, size: number, chunk = 64 * 1024) {
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= size) return controller.close();
      const n = Math.min(chunk, size - sent);
      sent += n;
      controller.enqueue(new Uint8Array(n).fill(0x61)); // "a"
    },
  });
  return { headers: { "Content-Type": contentType }, body, duplex: "half" as const };
}

describe("the wrapped build", () => {
  it("leaves a route without an action as it was, and wraps every action", () => {
    const plain = buildOf();
    const wrapped = guardActionBodies(plain);
    expect(wrapped.routes["routes/about"]).toBe(plain.routes["routes/about"]);
    for (const id of [FORM_ROUTE, UPLOAD_ROUTE]) {
      expect(wrapped.routes[id]!.module.action).toBeTypeOf("function");
      expect(wrapped.routes[id]!.module.action).not.toBe(plain.routes[id]!.module.action);
    }
  });

  it("hands the action the fields that were sent, form-encoded or multipart", async () => {
    const form = await post(FORM_ROUTE, urlEncoded("text=Hei+p%C3%A5+deg&occurredOn=2026-12-01"));
    expect(form.seen?.fields).toEqual([
      ["text", "Hei på deg"],
      ["occurredOn", "2026-12-01"],
    ]);
    const parts = await post(FORM_ROUTE, multipart([{ name: "text", value: "Notat" }]));
    expect(parts.seen?.fields).toEqual([["text", "Notat"]]);
    const upload = await post(UPLOAD_ROUTE, multipart([{ name: "file", value: new Uint8Array(1000), filename: "samtykke.pdf" }]));
    expect(upload.seen?.fields).toEqual([["file", "file samtykke.pdf 1000"]]);
  });

  it("treats an empty body without a type as an empty form", async () => {
    expect(await post(FORM_ROUTE, {})).toEqual({ status: 200, seen: expect.objectContaining({ fields: [] }) });
  });
});

describe("415: only forms are accepted", () => {
  it("refuses JSON on a form action", async () => {
    const outcome = await post(FORM_ROUTE, { headers: { "Content-Type": "application/json" }, body: JSON.stringify({ text: "x" }) });
    expect(outcome).toEqual({ status: 415, code: "body_unsupported" });
  });

  it("refuses text/plain on a form action", async () => {
    const outcome = await post(FORM_ROUTE, { headers: { "Content-Type": "text/plain;charset=UTF-8" }, body: "text=x" });
    expect(outcome).toEqual({ status: 415, code: "body_unsupported" });
  });

  it("refuses a non-empty body without a type", async () => {
    // A Blob without a type leaves the request without a Content-Type header.
    const outcome = await post(FORM_ROUTE, { body: new Blob(["text=x"]) });
    expect(outcome).toEqual({ status: 415, code: "body_unsupported" });
  });

  it("refuses a form-encoded body on the upload route, which takes multipart only", async () => {
    expect(await post(UPLOAD_ROUTE, urlEncoded("kind=keep"))).toEqual({ status: 415, code: "body_unsupported" });
    expect((await post(FORM_ROUTE, urlEncoded("kind=keep"))).status).toBe(200);
  });
});

describe("400: a form body that does not parse", () => {
  it("refuses multipart without a boundary, before reading the body", async () => {
    const outcome = await post(FORM_ROUTE, { headers: { "Content-Type": "multipart/form-data" }, body: "--x\r\n\r\n--x--\r\n" });
    expect(outcome).toEqual({ status: 400, code: "body_malformed" });
    // Known bad from its header alone: not one byte of the body is read.
    let pulled = false;
    const body = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          pulled = true;
          controller.enqueue(new TextEncoder().encode("--x\r\n\r\n--x--\r\n"));
          controller.close();
        },
      },
      { highWaterMark: 0 },
    );
    const streamedOutcome = await post(FORM_ROUTE, { headers: { "Content-Type": "multipart/form-data; charset=utf-8" }, body, duplex: "half" });
    expect(streamedOutcome).toEqual({ status: 400, code: "body_malformed" });
    expect(pulled).toBe(false);
  });

  it("refuses a broken multipart body", async () => {
    const outcome = await post(FORM_ROUTE, {
      headers: { "Content-Type": "multipart/form-data; boundary=abc" },
      body: "--abc\r\nContent-Disposition: form-data\r\n\r\nno name and never closed",
    });
    expect(outcome).toEqual({ status: 400, code: "body_malformed" });
  });
});

describe("413: bodies over the limit", () => {
  it("lets an ordinary form carry 256 kB and refuses a byte more", async () => {
    expect(FORM_BODY_LIMIT).toBe(256 * 1024);
    const field = (size: number) => `text=${"a".repeat(size - "text=".length)}`;
    const atLimit = await post(FORM_ROUTE, urlEncoded(field(FORM_BODY_LIMIT)));
    expect(atLimit.status).toBe(200);
    expect(atLimit.seen?.fields[0]?.[1]).toHaveLength(FORM_BODY_LIMIT - "text=".length);
    expect(await post(FORM_ROUTE, urlEncoded(field(FORM_BODY_LIMIT + 1)))).toEqual({ status: 413, code: "body_too_large" });
  });

  it("counts the bytes that arrive, not the declared length: a streamed body over the limit is refused", async () => {
    const outcome = await post(FORM_ROUTE, streamed("application/x-www-form-urlencoded", FORM_BODY_LIMIT + 1));
    expect(outcome).toEqual({ status: 413, code: "body_too_large" });
  });

  it("lets the upload route take 10 MB plus 256 kB, and refuses more", async () => {
    expect(UPLOAD_ROUTES[UPLOAD_ROUTE]).toBe(10 * 1024 * 1024 + 256 * 1024);
    expect(MAX_ATTACHMENT_BYTES).toBe(10 * 1024 * 1024);
    // A file far over the ordinary form limit goes through on the upload route…
    const file = new Uint8Array(MAX_ATTACHMENT_BYTES);
    const upload = await post(UPLOAD_ROUTE, multipart([{ name: "file", value: file, filename: "samtykke.pdf" }]));
    expect(upload.status).toBe(200);
    expect(upload.seen?.fields).toEqual([["file", `file samtykke.pdf ${MAX_ATTACHMENT_BYTES}`]]);
    // …but not on an ordinary form,
    expect(await post(FORM_ROUTE, multipart([{ name: "file", value: new Uint8Array(FORM_BODY_LIMIT), filename: "a.pdf" }]))).toEqual({
      status: 413,
      code: "body_too_large",
    });
    // and the upload route too has its limit.
    const tooLarge = new Uint8Array(MAX_ATTACHMENT_BYTES + FORM_BODY_LIMIT);
    expect(await post(UPLOAD_ROUTE, multipart([{ name: "file", value: tooLarge, filename: "samtykke.pdf" }]))).toEqual({
      status: 413,
      code: "body_too_large",
    });
  });
});

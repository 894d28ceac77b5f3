import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";

/**
 * Call Remix loaders and actions with real Requests, the way the server does, and read
 * the outcome whatever its form: a returned object, a `data()` value, a Response, or a
 * thrown Response / `data()` (redirects, 404s).
 */
export const BASE = "http://localhost:3000";

export interface Outcome<T = unknown> {
  status: number;
  headers: Headers;
  data: T;
  location: string | null;
}

type Fn = (args: LoaderFunctionArgs & ActionFunctionArgs) => unknown;

interface CallOptions {
  cookie?: string;
  params?: Record<string, string>;
  form?: Record<string, string | string[]>;
  headers?: Record<string, string>;
  clientAddress?: string;
}

function isDataWithInit(value: unknown): value is { data: unknown; init: ResponseInit | null } {
  return typeof value === "object" && value !== null && (value as { type?: string }).type === "DataWithResponseInit";
}

async function normalise<T>(value: unknown): Promise<Outcome<T>> {
  if (value instanceof Response) {
    const text = await value.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON
    }
    return { status: value.status, headers: value.headers, data: body as T, location: value.headers.get("Location") };
  }
  if (isDataWithInit(value)) {
    const headers = new Headers(value.init?.headers);
    return { status: value.init?.status ?? 200, headers, data: value.data as T, location: headers.get("Location") };
  }
  return { status: 200, headers: new Headers(), data: value as T, location: null };
}

export function makeRequest(path: string, options: CallOptions & { method?: string } = {}) {
  const headers = new Headers(options.headers);
  if (options.cookie) headers.set("Cookie", options.cookie);
  let body: URLSearchParams | undefined;
  if (options.form) {
    body = new URLSearchParams();
    for (const [key, value] of Object.entries(options.form)) {
      for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
    }
  }
  return new Request(new URL(path, BASE), { method: options.method ?? (body ? "POST" : "GET"), headers, body });
}

async function call<T>(fn: Fn, path: string, options: CallOptions, method: string): Promise<Outcome<T>> {
  const request = makeRequest(path, { ...options, method });
  try {
    const value = await fn({
      request,
      params: options.params ?? {},
      context: { cspNonce: "test-nonce", clientAddress: options.clientAddress ?? "127.0.0.1" },
    });
    return normalise<T>(value);
  } catch (thrown) {
    if (thrown instanceof Response || isDataWithInit(thrown)) return normalise<T>(thrown);
    throw thrown;
  }
}

export function callLoader<T = unknown>(fn: Fn | undefined, path: string, options: CallOptions = {}) {
  if (!fn) throw new Error("no loader");
  return call<T>(fn, path, options, "GET");
}

export function callAction<T = unknown>(fn: Fn | undefined, path: string, options: CallOptions = {}) {
  if (!fn) throw new Error("no action");
  return call<T>(fn, path, { ...options, form: options.form ?? {} }, "POST");
}

/** The session cookie a response sets, as a Cookie header value. */
export function cookieFrom(outcome: Outcome): string | undefined {
  const setCookie = outcome.headers.get("Set-Cookie");
  return setCookie?.split(";")[0];
}

/// <reference types="@remix-run/dev" />
/// <reference types="@remix-run/node" />

import "@remix-run/node";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
  interface AppLoadContext {
    /** Per-request nonce for the Content Security Policy (set by app/server.ts). */
    cspNonce: string;
    /** Client address as the server sees it (honours TRUST_PROXY). Used only for throttling. */
    clientAddress: string;
  }
}

/**
 * The same as ./family-schemas, for route modules: a `.server` module is an empty module in the
 * browser build, so the schemas (and zod) stay out of the page JavaScript — the server
 * validates (docs/decisions/031).
 */
export * from "./family-schemas";
export { parseWithZod } from "@conform-to/zod/v4";

import { mkdirSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createId } from "../../app/lib/ids";
import * as healthz from "../../app/routes/healthz";
import { callLoader } from "../support/requests";

// This file's database cannot be opened: its path is a directory.
const unusable = resolve(process.cwd(), "tests/.tmp", `not-a-database-${createId()}`);
mkdirSync(unusable, { recursive: true });
process.env.DATABASE_URL = unusable;
afterAll(() => rmSync(unusable, { recursive: true, force: true }));

describe("/healthz when the database does not answer", () => {
  it("answers 503", async () => {
    const o = await callLoader(healthz.loader, "/healthz");
    expect(o.status).toBe(503);
    expect(o.data).toEqual({ status: "unavailable" });
  });
});

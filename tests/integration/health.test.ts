import { describe, expect, it } from "vitest";
import * as healthz from "../../app/routes/healthz";
import { callLoader } from "../support/requests";

describe("/healthz", () => {
  it("answers 200 {status: ok} when the database answers", async () => {
    const o = await callLoader(healthz.loader, "/healthz");
    expect(o.status).toBe(200);
    expect(o.data).toEqual({ status: "ok" });
  });
});

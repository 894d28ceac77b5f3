import { databaseAnswers } from "../domain/system/health.server";

/** Liveness and database check for load balancers and monitoring. */
export async function loader() {
  const ok = await databaseAnswers();
  return new Response(JSON.stringify({ status: ok ? "ok" : "unavailable" }), {
    status: ok ? 200 : 503,
    headers: { "Content-Type": "application/json" },
  });
}

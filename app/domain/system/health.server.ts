import { sql } from "drizzle-orm";
import { database } from "../../../db/client.server";

/** True when the database answers a trivial query within a second. */
export async function databaseAnswers(): Promise<boolean> {
  try {
    const { db } = await database();
    const query = db.get<{ ok: number }>(sql`select 1 as ok`);
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timeout")), 1000).unref());
    const row = await Promise.race([query, timeout]);
    return row?.ok === 1;
  } catch {
    return false;
  }
}

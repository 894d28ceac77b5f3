/**
 * `npm run db:restore -- <file>`: put a backup in place of DATABASE_URL's file (decision
 * 029). Refused while the database is in use: stop the server (and any `npm run jobs`)
 * first. The replaced file is kept beside it as <name>.before-restore-<timestamp>.
 */
import { settingsOrExit } from "../config.server";
import { localDatabasePath, OpsError, restoreDatabase } from "./backup.server";

async function main() {
  const args = process.argv.slice(2);
  if (args.length !== 1 || args[0]!.startsWith("--")) throw new OpsError("Usage: npm run db:restore -- <backup file>");
  const settings = settingsOrExit(process.env);
  const target = localDatabasePath(settings.DATABASE_URL);
  const report = await restoreDatabase(args[0]!, target);
  console.log(`Restored ${report.backup}`);
  console.log(`     to ${report.target} (${report.bytes} bytes, ${report.migrations} migrations; integrity ok, references ok).`);
  if (report.removed.length > 0) console.log(`Removed stale ${report.removed.join(", ")}.`);
  if (report.previous) console.log(`The replaced database is kept at ${report.previous}; delete it once you are satisfied.`);
  console.log("Start the server: it applies any newer migrations at boot.");
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error instanceof OpsError ? error.message : `The restore failed: ${error instanceof Error ? error.name : "unknown error"}`);
    process.exit(1);
  },
);

/**
 * `npm run db:backup -- [--to <file>]`: a consistent copy of the live database (decision
 * 029), by default data/backups/stafettlogg-<UTC timestamp>.db. Safe while the server runs.
 * Prints the copy's path, size and checks; never any row.
 */
import { settingsOrExit } from "../config.server";
import { backupDatabase, defaultBackupPath, localDatabasePath, OpsError } from "./backup.server";

async function main() {
  const args = process.argv.slice(2);
  const toIndex = args.indexOf("--to");
  if (toIndex !== -1 && !args[toIndex + 1]) throw new OpsError("--to expects a file name.");
  const unknown = args.filter((_arg, i) => i !== toIndex && (toIndex === -1 || i !== toIndex + 1));
  if (unknown.length > 0) throw new OpsError(`Unexpected argument ${unknown[0]}; usage: npm run db:backup -- [--to <file>]`);
  const settings = settingsOrExit(process.env);
  const source = localDatabasePath(settings.DATABASE_URL);
  const to = toIndex === -1 ? defaultBackupPath(new Date()) : args[toIndex + 1]!;
  const report = await backupDatabase(source, to);
  console.log(`Backup written: ${report.path}`);
  console.log(`Size: ${report.bytes} bytes; ${report.tables} tables; ${report.migrations} migrations; integrity ${report.integrity}.`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error instanceof OpsError ? error.message : `The backup failed: ${error instanceof Error ? error.name : "unknown error"}`);
    process.exit(1);
  },
);

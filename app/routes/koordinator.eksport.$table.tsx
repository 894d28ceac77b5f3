import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireActor } from "../domain/auth/guards.server";
import { exportTable } from "../domain/statistics/export.server";
import { getLocale } from "../i18n/locale.server";
import { ExportFormatSchema, StatisticsFilterSchema, TableIdSchema } from "../lib/coordinator-schemas";
import { guard } from "../route-helpers/http.server";

/** One of the coordinator's tables as CSV or JSON (issue 12 point 4); an unknown table is 404. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const url = new URL(request.url);
  const query = StatisticsFilterSchema.parse(Object.fromEntries(url.searchParams));
  const table = TableIdSchema.safeParse(params.table);
  const format = ExportFormatSchema.parse(url.searchParams.get("format") ?? undefined);
  const file = await guard(() =>
    exportTable(actor, table.success ? table.data : null, format, { year: query.year, serviceKind: query.kind }, getLocale(request)),
  );
  return new Response(file.body, {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${file.filename}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

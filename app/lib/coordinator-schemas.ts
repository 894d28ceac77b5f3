import { z } from "zod";
import { serviceKindCodes } from "./enums";
import { tableIds } from "./statistics";
import { formSchema } from "./validation";

const blankToUndefined = (v: unknown) => (v === "" ? undefined : v);

/**
 * The coordinator's dashboard filter (a GET form): a calendar year and the holder's kind of
 * service. Fixed periods, not free dates, so that two overlapping periods cannot be
 * subtracted to reveal a small count (docs/decisions/026). A value that does not parse is
 * ignored: the page shows this year for every kind.
 */
export const StatisticsFilterSchema = formSchema(
  z.object({
    year: z.preprocess(blankToUndefined, z.coerce.number().int().min(2000).max(2100).optional()).catch(undefined),
    kind: z.preprocess(blankToUndefined, z.enum(serviceKindCodes).optional()).catch(undefined),
  }),
);

/** An export: which table, as CSV or JSON. An unknown table is a 404 (the route checks). */
export const ExportFormatSchema = z.enum(["csv", "json"]).catch("csv");
export const TableIdSchema = z.enum(tableIds);

import * as z from "zod/mini";
import { serviceKindCodes } from "./enums";
import { tableIds } from "./statistics";
import { formSchema } from "./validation";

const blankToUndefined = (v: unknown) => (v === "" ? undefined : v);
/** classic zod's `z.preprocess(blankToUndefined, schema).catch(undefined)` */
const blankOrCaught = <T extends z.ZodMiniType>(schema: T) =>
  z.catch(z.pipe(z.transform(blankToUndefined), schema), undefined as z.output<T>);

/**
 * The coordinator's dashboard filter (a GET form): a calendar year and the holder's kind of
 * service. Fixed periods, not free dates, so that two overlapping periods cannot be
 * subtracted to reveal a small count (docs/decisions/026). A value that does not parse is
 * ignored: the page shows this year for every kind.
 */
export const StatisticsFilterSchema = formSchema(
  z.object({
    year: blankOrCaught(z.optional(z.coerce.number().check(z.int(), z.gte(2000), z.lte(2100)))),
    kind: blankOrCaught(z.optional(z.enum(serviceKindCodes))),
  }),
);

/** An export: which table, as CSV or JSON. An unknown table is a 404 (the route checks). */
export const ExportFormatSchema = z.catch(z.enum(["csv", "json"]), "csv");
export const TableIdSchema = z.enum(tableIds);

import * as z from "zod/mini";
import { idPattern } from "./ids";
import { formSchema, pageNumber } from "./validation";

const blankToUndefined = (v: unknown) => (v === "" ? undefined : v);
/** classic zod's `z.preprocess(blankToUndefined, schema).catch(undefined)` */
const blankOrCaught = <T extends z.ZodMiniType>(schema: T) =>
  z.catch(z.pipe(z.transform(blankToUndefined), schema), undefined as z.output<T>);
const optionalId = blankOrCaught(z.optional(z.string().check(z.regex(idPattern))));

/**
 * The leader's overview filter (a GET form, /leder): every field is optional and a value
 * that does not parse is ignored (as on the home list), so a malformed query shows the
 * unfiltered overview, never an error.
 */
export const LeaderFilterSchema = formSchema(
  z.object({
    service: optionalId,
    level: blankOrCaught(z.optional(z.coerce.number().check(z.int(), z.gte(0), z.lte(3)))),
    flagged: blankOrCaught(z.optional(z.literal("on"))),
    holder: optionalId,
    q: blankOrCaught(z.optional(z.string().check(z.trim(), z.maxLength(100)))),
    page: pageNumber(),
  }),
);

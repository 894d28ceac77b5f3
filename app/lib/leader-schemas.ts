import { z } from "zod";
import { idPattern } from "./ids";
import { formSchema } from "./validation";

const blankToUndefined = (v: unknown) => (v === "" ? undefined : v);
const optionalId = z.preprocess(blankToUndefined, z.string().regex(idPattern).optional()).catch(undefined);

/**
 * The leader's overview filter (a GET form, /leder): every field is optional and a value
 * that does not parse is ignored (as on the home list), so a malformed query shows the
 * unfiltered overview, never an error.
 */
export const LeaderFilterSchema = formSchema(
  z.object({
    service: optionalId,
    level: z.preprocess(blankToUndefined, z.coerce.number().int().min(0).max(3).optional()).catch(undefined),
    flagged: z.preprocess(blankToUndefined, z.literal("on").optional()).catch(undefined),
    holder: optionalId,
    q: z.preprocess(blankToUndefined, z.string().trim().max(100).optional()).catch(undefined),
    page: z.coerce.number().int().min(1).max(100000).catch(1),
  }),
);

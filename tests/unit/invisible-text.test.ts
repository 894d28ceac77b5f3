import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import * as collaborationSchemas from "../../app/lib/collaboration-schemas";
import * as consultationSchemas from "../../app/lib/consultation-schemas";
import * as familySchemas from "../../app/lib/family-schemas";
import * as logSchemas from "../../app/lib/log-schemas";
import * as meetingSchemas from "../../app/lib/meeting-schemas";
import * as schemas from "../../app/lib/schemas";
import { cleanText, isFormSchema } from "../../app/lib/validation";

/**
 * Issue 9 point 9: invisible text is not text. The normaliser on its own, then every form
 * schema the app exports: a field of only invisible characters must be answered exactly
 * like an empty one.
 */
describe("cleanText", () => {
  it("removes NUL, other control characters and zero-width characters", () => {
    expect(cleanText("\u0000")).toBe("");
    expect(cleanText("Hei\u0000 på\u0007 deg\u001B\u007F\u0085")).toBe("Hei på deg");
    for (const c of ["\u200C", "\u200D"]) expect(cleanText(` ${c}Ola${c} `)).toBe(" Ola ");
    for (const c of ["\u200B", "\u2060", "\uFEFF", "\u00AD", "\u200E", "\u202E", "\u2066", "\u180E", "\u3164", "\u{E0001}"]) {
      expect(cleanText(c), `U+${c.codePointAt(0)!.toString(16)}`).toBe("");
      expect(cleanText(`Ola${c}Nordmann`)).toBe("OlaNordmann");
    }
  });

  it("keeps line breaks and tabs in text, and turns Unicode line separators into line feeds", () => {
    expect(cleanText("Første linje\r\nAndre\tlinje\n")).toBe("Første linje\r\nAndre\tlinje\n");
    expect(cleanText("En\u2028To\u2029Tre")).toBe("En\nTo\nTre");
  });

  it("answers text that shows nothing as empty", () => {
    for (const v of ["   ", "\u200B \uFEFF\t\n", "\uFE0F", "\u0301", "\u00A0\u3000", "%00".replace("%00", "\u0000")]) {
      expect(cleanText(v), JSON.stringify(v)).toBe("");
    }
  });

  it("keeps joiners and selectors that belong to visible text: emoji, Persian, flags", () => {
    for (const v of ["👨‍👩‍👧", "❤️‍🔥", "Bra 👍🏽", "1️⃣", "می‌خواهم", "🏴󠁧󠁢󠁳󠁣󠁴󠁿", "Æøå – «sitat» § 3"]) {
      expect(cleanText(v), v).toBe(v);
    }
    expect(cleanText("\u200Dhei\u200D")).toBe("hei");
  });
});

const modules = { schemas, logSchemas, meetingSchemas, collaborationSchemas, consultationSchemas, familySchemas };
const exported = Object.entries(modules).flatMap(([module, exports]) =>
  Object.entries(exports)
    .filter(([, value]) => value instanceof z.core.$ZodType)
    .map(([name, schema]) => ({ name: `${module}.${name}`, schema: schema as z.ZodMiniType })),
);

/** The forms a schema describes: its fields, and the discriminator value of each variant. */
function formsOf(schema: z.ZodMiniType): { fixed: Record<string, string>; fields: string[] }[] {
  const def = schema._zod.def as unknown as Record<string, unknown>;
  if (def.type === "pipe") return formsOf(def.out as z.ZodMiniType);
  if (def.type === "object") return [{ fixed: {}, fields: Object.keys(def.shape as object) }];
  if (def.type === "union" && typeof def.discriminator === "string") {
    const key = def.discriminator;
    return (def.options as z.ZodMiniType[]).flatMap((option) =>
      formsOf(option).map(({ fixed, fields }) => {
        const literal = ((option._zod.def as unknown as { shape: Record<string, z.ZodMiniType> }).shape[key]!._zod.def as unknown as {
          values: string[];
        }).values[0]!;
        return { fixed: { ...fixed, [key]: literal }, fields: fields.filter((f) => f !== key) };
      }),
    );
  }
  throw new Error(`unexpected form schema type ${String(def.type)}`);
}

function errorsFor(schema: z.ZodMiniType, values: Record<string, string>, field: string) {
  const formData = new FormData();
  for (const [k, v] of Object.entries(values)) formData.append(k, v);
  const submission = parseWithZod(formData, { schema });
  return submission.status === "success" ? { ok: (submission.value as Record<string, unknown>)[field] } : { errors: submission.error?.[field] };
}

describe("every form schema", () => {
  it("is found: the walk covers the app's forms", () => {
    expect(exported.length).toBeGreaterThan(30);
  });

  it.each(exported)("$name is built by formSchema", ({ schema }) => {
    expect(isFormSchema(schema)).toBe(true);
  });

  it("still gives the browser its constraints", () => {
    const constraint = getZodConstraint(logSchemas.ReopenSchema);
    expect(constraint.reason).toMatchObject({ required: true });
    expect(getZodConstraint(logSchemas.ConcernSchema).what).toMatchObject({ required: true });
    expect(getZodConstraint(logSchemas.GuardianSchema).email).toMatchObject({ required: false });
  });

  it.each(exported)("$name answers a field of invisible characters exactly like an empty one", ({ schema }) => {
    for (const { fixed, fields } of formsOf(schema)) {
      for (const field of fields) {
        const empty = errorsFor(schema, { ...fixed, [field]: "" }, field);
        for (const invisible of ["\u0000", "\u200B", "\u200B\u200C\u200D\u2060\uFEFF", " \u0000\t\u200B "]) {
          expect(errorsFor(schema, { ...fixed, [field]: invisible }, field), `${field} = ${JSON.stringify(invisible)}`).toEqual(empty);
        }
      }
    }
  });
});

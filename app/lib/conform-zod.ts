/**
 * conform's zod 4 adapter (`@conform-to/zod/v4` 1.21.1, MIT, © Edmund Hung) without classic
 * zod: `parseWithZod` with its automatic form-value coercion, rebuilt on zod/mini.
 *
 * Why: the adapter's coercion wraps every field with `pipe`, `transform`, `optional` and
 * `lazy` imported from classic zod (`zod/v4`), which brings about 18 kB gzipped of classic
 * zod into every page that validates in the browser, even though our schemas are zod/mini
 * (docs/decisions/031). The functions are the same in zod/mini — same core classes, same
 * parsing — so this is the adapter's code with those four imported from zod/mini, cut to
 * what the app uses (synchronous parsing, messages as strings, the default coercion).
 * Keep it in step with the package when conform is upgraded
 * (node_modules/@conform-to/zod/dist/v4/coercion.mjs and parse.mjs).
 *
 * `getZodConstraint` needs no classic zod and is re-exported as it is.
 */
import { formatPaths, parse, type Intent, type Submission } from "@conform-to/dom";
import type { $ZodErrorMap, $ZodIssue, $ZodType, input, output } from "zod/v4/core";
import { safeParse } from "zod/v4/core";
import { lazy, pipe, transform } from "zod/mini";

export { getZodConstraint } from "@conform-to/zod/v4";

/* eslint-disable @typescript-eslint/no-explicit-any -- walks zod's internal definitions */
type AnyType = any;
type Coercion = (value: unknown) => unknown;

const stripEmptyString = (value: string) => (value === "" ? undefined : value);

function coerceFile(file: unknown) {
  if (typeof File !== "undefined" && file instanceof File && file.name === "" && file.size === 0) return undefined;
  return file;
}
function coerceString(value: unknown, fn: (text: string) => unknown) {
  return typeof value === "string" ? fn(value) : value;
}
/** strip → undefined stops, else convert, catch → original string */
function validationCoercion(convert: (text: string) => unknown): Coercion {
  return (value) =>
    coerceString(value, (text) => {
      const stripped = stripEmptyString(text);
      if (stripped === undefined) return undefined;
      try {
        return convert(stripped);
      } catch {
        return stripped;
      }
    });
}
const coercions = {
  string: (value: unknown) => coerceString(value, stripEmptyString),
  file: coerceFile,
  number: validationCoercion((text) => (text.trim() === "" ? NaN : Number(text))),
  boolean: validationCoercion((text) => {
    if (text === "on") return true;
    throw new Error("Not a boolean");
  }),
  date: validationCoercion((text) => {
    const date = new Date(text);
    if (isNaN(date.getTime())) throw new Error("Invalid date");
    return date;
  }),
  bigint: validationCoercion((text) => {
    if (text.trim() === "") throw new Error("Empty bigint");
    return BigInt(text);
  }),
};

function selectCoercion(type: AnyType): Coercion | undefined {
  const def = type._zod.def;
  if (def.type === "string" || def.type === "enum") return coercions.string;
  if (def.type === "literal") {
    if (!("values" in def)) return coercions.string;
    const literal = [...def.values][0];
    if (typeof literal === "number") return coercions.number;
    if (typeof literal === "boolean") return coercions.boolean;
    if (typeof literal === "bigint") return coercions.bigint;
    return coercions.string;
  }
  if (def.type === "file") return coercions.file;
  if (def.type === "number") return coercions.number;
  if (def.type === "boolean") return coercions.boolean;
  if (def.type === "date") return coercions.date;
  if (def.type === "bigint") return coercions.bigint;
  return undefined;
}

function pipeWithOptionality(coercion: Coercion, target: AnyType): AnyType {
  const schema: AnyType = pipe(transform(coercion), target);
  if (target._zod.optin) schema._zod.optin = target._zod.optin;
  if (target._zod.optout) schema._zod.optout = target._zod.optout;
  return schema;
}

function materializesMissingValue(type: AnyType): boolean {
  const def = type._zod.def;
  if (["optional", "nonoptional", "default", "prefault", "catch", "nullable", "readonly"].includes(def.type)) {
    return materializesMissingValue(def.innerType);
  }
  if (def.type === "pipe") {
    return materializesMissingValue(def.in._zod.def.type === "transform" ? def.out : def.in);
  }
  return def.type === "array" || def.type === "object";
}

function withOptionalInput(type: AnyType): AnyType {
  const schema = Object.create(Object.getPrototypeOf(type));
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { _zod, ...descriptors } = Object.getOwnPropertyDescriptors(type);
  Object.defineProperties(schema, descriptors);
  Object.defineProperty(schema, "_zod", { value: Object.create(type._zod, { optin: { value: "optional" } }) });
  return schema;
}

type Options = { resolved: Map<AnyType, AnyType>; resolving: Set<AnyType> };

const stripEmptyValue = (value: unknown) => coerceFile(coerceString(value, stripEmptyString));

function coerceObjectShapeEntry(type: AnyType, options: Options) {
  const schema = coerceType(type, options);
  return type._zod.optin !== "optional" && materializesMissingValue(type) ? withOptionalInput(schema) : schema;
}

function coerceType(type: AnyType, options: Options): AnyType {
  const known = options.resolved.get(type);
  if (known) return known; // z.lazy()
  // Re-entrant calls from getter-based recursive schemas: defer to parse time.
  if (options.resolving.has(type)) return lazy(() => coerceType(type, options));
  options.resolving.add(type);
  let schema = type;
  const zod = type._zod;
  const def = zod.def;
  const Constr = zod.constr;
  const coercion = selectCoercion(type);
  const toObject = (value: unknown) => (typeof value === "undefined" ? {} : value);
  if (coercion) {
    schema = pipeWithOptionality(coercion, type);
  } else if (def.type === "array") {
    schema = pipeWithOptionality(
      (value) => {
        if (Array.isArray(value)) return value;
        if (typeof value === "undefined" || typeof stripEmptyValue(value) === "undefined") return [];
        return [value];
      },
      new Constr({ ...def, element: coerceType(def.element, options) }),
    );
  } else if (def.type === "object") {
    schema = pipeWithOptionality(
      toObject,
      new Constr({
        ...def,
        shape: Object.fromEntries(Object.entries(def.shape).map(([key, d]) => [key, coerceObjectShapeEntry(d, options)])),
      }),
    );
  } else if (def.type === "optional" || def.type === "nonoptional") {
    schema = pipeWithOptionality(stripEmptyValue, new Constr({ ...def, innerType: coerceType(def.innerType, options) }));
  } else if (def.type === "default" || def.type === "prefault") {
    // Don't strip the empty string that IS the default.
    const innerType = def.defaultValue !== "" ? coerceType(def.innerType, options) : def.innerType;
    schema = pipeWithOptionality(stripEmptyValue, new Constr({ ...def, innerType }));
  } else if (def.type === "catch" || def.type === "nullable" || def.type === "readonly") {
    schema = new Constr({ ...def, innerType: coerceType(def.innerType, options) });
  } else if (def.type === "intersection") {
    schema = new Constr({ ...def, left: coerceType(def.left, options), right: coerceType(def.right, options) });
  } else if (def.type === "union" && [...zod.traits][0]?.includes("DiscriminatedUnion")) {
    // A discriminated union's def type is "union": tell it by its class name.
    schema = pipe(
      transform(toObject),
      new Constr({
        ...def,
        options: def.options.map((item: AnyType) => {
          const objectDef = item._zod.def;
          // Regenerated objects lose `propValues` (the discriminator): keep the original's.
          const keepPropValues = (object: AnyType) => {
            object._zod.propValues = item._zod.propValues;
            object._zod.disc = item._zod.disc;
            return object;
          };
          if (objectDef.type !== "object") return keepPropValues(coerceType(item, options));
          return keepPropValues(
            new item._zod.constr({
              ...objectDef,
              shape: Object.fromEntries(
                Object.entries(objectDef.shape).map(([key, d]) => [key, coerceObjectShapeEntry(d, options)]),
              ),
            }),
          );
        }),
      }),
    );
  } else if (def.type === "union") {
    schema = new Constr({ ...def, options: def.options.map((item: AnyType) => coerceType(item, options)) });
  } else if (def.type === "tuple") {
    schema = new Constr({ ...def, items: def.items.map((item: AnyType) => coerceType(item, options)) });
  } else if (def.type === "pipe") {
    schema = new Constr({ ...def, in: coerceType(def.in, options), out: coerceType(def.out, options) });
  } else if (def.type === "lazy") {
    const inner = def.getter();
    schema = lazy(() => coerceType(inner, options));
  }
  options.resolving.delete(type);
  if (type !== schema) options.resolved.set(type, schema);
  return schema;
}

const coerced = new WeakMap<$ZodType, $ZodType>();

/** The schema with conform's form-value coercion (empty strings → undefined, numbers, files, …). */
export function coerceFormValue<T extends $ZodType>(type: T): T {
  let result = coerced.get(type);
  if (!result) {
    result = coerceType(type, { resolved: new Map(), resolving: new Set() }) as $ZodType;
    coerced.set(type, result);
  }
  return result as T;
}
/* eslint-enable @typescript-eslint/no-explicit-any */

const VALIDATION_SKIPPED = "__skipped__";
const VALIDATION_UNDEFINED = "__undefined__";

function getError(issues: $ZodIssue[]): Record<string, string[] | null> | null {
  const result: Record<string, $ZodIssue[] | null> = {};
  for (const issue of issues) {
    const name = formatPaths(
      issue.path.map((path) => {
        if (typeof path === "symbol") throw new Error("@conform-to/zod does not support symbol paths.");
        return path;
      }),
    );
    if (issue.message === VALIDATION_UNDEFINED) return null;
    if (issue.message === VALIDATION_SKIPPED) {
      result[name] = null;
      continue;
    }
    const known = result[name];
    if (known !== null) result[name] = known ? known.concat(issue) : [issue];
  }
  return Object.fromEntries(
    Object.entries(result).map(([name, list]) => [name, list ? list.map((issue) => issue.message) : null]),
  );
}

/** `parseWithZod` of `@conform-to/zod/v4` (synchronous, messages as strings). */
export function parseWithZod<Schema extends $ZodType>(
  payload: FormData | URLSearchParams,
  options: { schema: Schema | ((intent: Intent | null) => Schema); error?: $ZodErrorMap; disableAutoCoercion?: boolean },
): Submission<input<Schema>, string[], output<Schema>> {
  return parse(payload, {
    resolve(value, intent) {
      const base = typeof options.schema === "function" ? options.schema(intent) : options.schema;
      const schema = options.disableAutoCoercion ? base : coerceFormValue(base);
      const result = safeParse(schema, value, { error: options.error });
      return {
        value: result.success ? result.data : undefined,
        error: result.success ? undefined : getError(result.error.issues),
      };
    },
  }) as Submission<input<Schema>, string[], output<Schema>>;
}

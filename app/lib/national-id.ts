/**
 * Norwegian national identity numbers: fødselsnummer, D-number (day + 40) and the
 * synthetic test numbers (month + 40 from NAV, month + 80 from Skatteetaten's Tenor).
 * Checks the two mod-11 control digits and that the date part is a real date.
 */
const WEIGHTS_1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const WEIGHTS_2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

function control(digits: number[], weights: number[]): number | null {
  const sum = weights.reduce((acc, w, i) => acc + w * digits[i]!, 0);
  const k = 11 - (sum % 11);
  if (k === 11) return 0;
  if (k === 10) return null;
  return k;
}

export interface NationalIdInfo {
  birthDate: string;
  kind: "fnr" | "dnr";
  synthetic: boolean;
}

/** The birth date and kind encoded in a valid number, or null if it is not valid. */
export function parseNationalId(value: string): NationalIdInfo | null {
  if (!/^\d{11}$/.test(value)) return null;
  const digits = [...value].map(Number);
  const k1 = control(digits, WEIGHTS_1);
  if (k1 === null || k1 !== digits[9]) return null;
  const k2 = control(digits, WEIGHTS_2);
  if (k2 === null || k2 !== digits[10]) return null;

  let day = Number(value.slice(0, 2));
  let month = Number(value.slice(2, 4));
  const yy = Number(value.slice(4, 6));
  const individual = Number(value.slice(6, 9));
  let kind: NationalIdInfo["kind"] = "fnr";
  let synthetic = false;
  if (day > 40) {
    day -= 40;
    kind = "dnr";
  }
  if (month > 80) {
    month -= 80;
    synthetic = true;
  } else if (month > 40) {
    month -= 40;
    synthetic = true;
  }
  let year: number;
  if (individual <= 499) year = 1900 + yy;
  else if (individual <= 749 && yy >= 54) year = 1800 + yy;
  else if (individual >= 900 && yy >= 40) year = 1900 + yy;
  else if (yy <= 39) year = 2000 + yy;
  else return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return { birthDate: date.toISOString().slice(0, 10), kind, synthetic };
}

export function isValidNationalId(value: string): boolean {
  return parseNationalId(value) !== null;
}

/** Append the two control digits to nine digits, or null when no valid number exists. */
export function withControlDigits(first9: string): string | null {
  const digits = [...first9].map(Number);
  const k1 = control(digits, WEIGHTS_1);
  if (k1 === null) return null;
  const k2 = control([...digits, k1], WEIGHTS_2);
  if (k2 === null) return null;
  return `${first9}${k1}${k2}`;
}

/**
 * A synthetic test number (Tenor style, month + 80) for a birth date: for demo and test
 * data, never a real person's number.
 */
export function syntheticNationalId(birthDate: string): string {
  const [y, m, d] = birthDate.split("-") as [string, string, string];
  const base = Number(y) >= 2000 ? 500 : 100;
  for (let individual = base; individual < base + 399; individual++) {
    const id = withControlDigits(`${d}${String(Number(m) + 80).padStart(2, "0")}${y.slice(2)}${individual}`);
    if (id) return id;
  }
  throw new Error("no synthetic number for this date");
}

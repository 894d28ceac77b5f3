/** Build a synthetic national id with correct control digits (for tests and demo data). */
export function withControlDigits(first9: string): string | null {
  const d = [...first9].map(Number);
  const k = (weights: number[], digits: number[]) => {
    const r = 11 - (weights.reduce((a, w, i) => a + w * digits[i]!, 0) % 11);
    return r === 11 ? 0 : r === 10 ? null : r;
  };
  const k1 = k([3, 7, 6, 1, 8, 9, 4, 5, 2], d);
  if (k1 === null) return null;
  const k2 = k([5, 4, 3, 2, 7, 6, 5, 4, 3, 2], [...d, k1]);
  if (k2 === null) return null;
  return `${first9}${k1}${k2}`;
}

/** A synthetic (Tenor-style, month + 80) number for a birth date, with a valid individual number. */
export function syntheticId(birthDate: string): string {
  const [y, m, d] = birthDate.split("-");
  const yy = y!.slice(2);
  const base = Number(y) >= 2000 ? 500 : 100;
  for (let individual = base; individual < base + 399; individual++) {
    const id = withControlDigits(`${d}${String(Number(m) + 80).padStart(2, "0")}${yy}${individual}`);
    if (id) return id;
  }
  throw new Error("no id");
}

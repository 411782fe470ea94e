/** EAN-13 (GTIN-13) numbers: the GS1 mod-10 check digit. */

/** The check digit of the first 12 digits: weights 1, 3, 1, 3, … from the left. */
export function ean13CheckDigit(first12: string): number {
  if (!/^\d{12}$/.test(first12)) throw new Error(`EAN-13 needs 12 digits before the check digit, got "${first12}"`);
  let sum = 0;
  for (let i = 0; i < 12; i += 1) sum += Number(first12[i]) * (i % 2 === 0 ? 1 : 3);
  return (10 - (sum % 10)) % 10;
}

export function isValidEan13(gtin: string): boolean {
  return /^\d{13}$/.test(gtin) && ean13CheckDigit(gtin.slice(0, 12)) === Number(gtin[12]);
}

/** A GTIN-13 from a GS1 prefix (e.g. "930", Australia) and a running number. */
export function ean13(prefix: string, n: number): string {
  const body = `${prefix}${String(n).padStart(12 - prefix.length, '0')}`;
  if (body.length !== 12) throw new Error(`EAN-13 number ${n} does not fit after prefix ${prefix}`);
  return `${body}${ean13CheckDigit(body)}`;
}

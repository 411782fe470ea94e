/**
 * Parses an ISO-8601 duration such as `PT1H`, `P2D`, `P1DT12H30M5.5S` or `P1W` into milliseconds.
 * Years and months are not accepted (their length depends on the calendar).
 */
const DURATION = /^P(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

export function parseIsoDuration(text: string): number | undefined {
  const match = DURATION.exec(text.trim().toUpperCase());
  if (!match || text.trim().toUpperCase() === 'P' || text.trim().toUpperCase().endsWith('T')) return undefined;
  const [, w, d, h, m, s] = match;
  const n = (v: string | undefined): number => (v === undefined ? 0 : Number(v));
  return Math.round(((n(w) * 7 + n(d)) * 86_400 + n(h) * 3_600 + n(m) * 60 + n(s)) * 1_000);
}

/** A JSON object: not null, not an array. The guard REST bodies and batch records are read through. */
export const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

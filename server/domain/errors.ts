/**
 * The one error type of the simulator and its closed catalogue of codes.
 *
 * Every request-level failure is a `SimError`; one translator per transport turns it into the
 * platform's wire format (`http/error-handler.ts` for REST, `graphql/errors.ts` for GraphQL).
 * REST bodies and GraphQL codes come from fluent-platform.md §7 and §2.10.
 */
export type ErrorSpec = {
  /** HTTP status on REST endpoints. */
  readonly http: number;
  /** `errors[].code` in the REST body (a string on the platform, §7). */
  readonly restCode: string;
  /** Fluent GraphQL error code (`C0120E` …) where the platform has one (§2.10). */
  readonly gqlCode?: string;
  readonly title: string;
};

export const ERROR_CATALOG = {
  VALIDATION_FAILED: { http: 400, restCode: '400', title: 'The request failed validation' },
  REQUIRED_FIELD_MISSING: { http: 400, restCode: 'NotNull', title: 'A required field is missing' },
  MALFORMED_JSON: { http: 400, restCode: '400', title: 'The body is not valid JSON' },
  PAYLOAD_TOO_LARGE: { http: 413, restCode: '413', title: 'The request body is larger than allowed' },
  UNSUPPORTED_MEDIA_TYPE: { http: 415, restCode: '415', title: 'The body charset or encoding is not supported' },
  QUERY_TOO_COMPLEX: { http: 400, restCode: '400', gqlCode: 'C0001E', title: 'The GraphQL query is too complex' },
  UNAUTHENTICATED: { http: 401, restCode: '401', title: 'Missing, unknown or expired bearer token' },
  CONTROL_TOKEN_REQUIRED: { http: 401, restCode: '401', title: 'The control plane needs the control token' },
  FORBIDDEN: { http: 403, restCode: '403', title: 'The user has no role for this retailer' },
  NOT_FOUND: { http: 404, restCode: '404', title: 'No such resource' },
  ENTITY_NOT_FOUND: { http: 400, restCode: '400', gqlCode: 'C0120E', title: 'A referenced entity does not exist' },
  DUPLICATE_ENTITY: { http: 400, restCode: '400', gqlCode: 'C0121E', title: 'An entity with this key already exists' },
  INVALID_DATE: { http: 400, restCode: '400', gqlCode: 'C0100E', title: 'A date is not a valid UTC date' },
  DATE_RANGE_INCOMPLETE: { http: 400, restCode: '400', gqlCode: 'C0101E', title: 'A date filter needs from or to' },
  MISSING_VARIABLES: { http: 400, restCode: '400', gqlCode: 'C0140E', title: 'Required values are missing' },
  FIELD_TOO_LONG: { http: 400, restCode: '400', gqlCode: 'C0141E', title: 'A value is longer than allowed' },
  WORKFLOW_INVALID: { http: 400, restCode: '400', title: 'The workflow is not valid' },
  WORKFLOW_NOT_FOUND: { http: 404, restCode: '404', title: 'Unable to find Workflow' },
  RULE_NOT_FOUND: { http: 400, restCode: '400', title: 'A workflow names a rule the simulator does not know' },
  CONFIG_INVALID: { http: 500, restCode: '500', title: 'The configuration is not valid' },
  DATA_FILE_INVALID: { http: 500, restCode: '500', title: 'The data file is damaged or incompatible' },
  CONFLICT: { http: 409, restCode: '409', title: 'The resource is in a state that does not allow this' },
  NOT_SIMULATED: { http: 501, restCode: '501', title: 'A documented platform endpoint the simulator does not serve' },
  INTERNAL: { http: 500, restCode: '500', title: 'Unexpected error' },
} as const satisfies Record<string, ErrorSpec>;

export type SimErrorCode = keyof typeof ERROR_CATALOG;

export class SimError extends Error {
  readonly code: SimErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: SimErrorCode, message: string, options?: { details?: Record<string, unknown>; cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'SimError';
    this.code = code;
    this.details = options?.details;
  }

  get spec(): ErrorSpec {
    return ERROR_CATALOG[this.code];
  }
}

export function isSimError(value: unknown): value is SimError {
  return value instanceof SimError;
}

/** Wraps anything thrown into a SimError once, at the edge. */
export function toSimError(value: unknown): SimError {
  if (value instanceof SimError) return value;
  const message = value instanceof Error ? value.message : String(value);
  return new SimError('INTERNAL', message, { cause: value });
}

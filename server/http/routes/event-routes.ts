/**
 * Event API (fluent-platform.md §3): `POST /api/v4.1/event/async`, `POST /api/v4.1/event/sync`,
 * `GET /api/v4.1/event/{id}`, `GET /api/v4.1/event`. Parses and checks requests, calls the engine
 * or the event log, writes the platform's bodies. SimErrors go to the central error handler.
 */
import express, { Router, type Request } from 'express';
import { z } from 'zod';
import { SimError } from '../../domain/errors.js';
import type { Clock } from '../../lib/clock.js';
import { isRecord } from '../../lib/guards.js';
import type { Engine, SubmitEventInput } from '../../orchestration/engine-api.js';
import { EVENT_FILTER_FIELDS, type EventLog, type EventSearchFilters } from '../../orchestration/event-log.js';

export type EventRuntime = { engine: Engine; events: EventLog; accountId: string; clock: Clock };

/** `source` of events received through this API (fluent-platform.md §3.6 example value). */
const API_SOURCE = 'Fluent-API';

/** Checked in this order, each with the platform's message (§3.4, §7, §8 #8). */
const REQUIRED_FIELDS = ['retailerId', 'name', 'entityType'] as const;

const idLike = z.union([z.string(), z.number()], { error: 'expected a string or a number' }).transform(String);
const optionalText = z.string({ error: 'expected a string' }).nullish();
const attributeItem = z.looseObject({ name: z.string(), value: z.unknown() });

const eventBodySchema = z.looseObject({
  name: z.string({ error: 'expected a string' }).min(1),
  retailerId: idLike,
  accountId: optionalText,
  entityType: z.string({ error: 'expected a string' }).min(1),
  entityId: idLike.nullish(),
  entityRef: optionalText,
  entitySubtype: optionalText,
  rootEntityType: optionalText,
  rootEntityId: idLike.nullish(),
  rootEntityRef: optionalText,
  // A map (§3.2); a list of {name, value, type} is accepted too and turned into a map.
  attributes: z.union([z.record(z.string(), z.unknown()), z.array(attributeItem)], { error: 'expected an object (name → value)' }).nullish(),
  scheduledOn: optionalText,
  meta: z.record(z.string(), z.unknown(), { error: 'expected an object' }).nullish(),
});

function parseEventBody(body: unknown): SubmitEventInput {
  if (!isRecord(body)) {
    throw new SimError('VALIDATION_FAILED', 'The request body must be a JSON object: a Fluent event {name, retailerId, entityType, …}');
  }
  for (const field of REQUIRED_FIELDS) {
    const value = body[field];
    if (value === undefined || value === null || value === '') throw new SimError('REQUIRED_FIELD_MISSING', `'${field}' is required`);
  }
  const parsed = eventBodySchema.safeParse(body);
  if (!parsed.success) {
    const message = parsed.error.issues.map((issue) => `'${issue.path.join('.')}': ${issue.message}`).join('; ');
    throw new SimError('VALIDATION_FAILED', message);
  }
  const event = parsed.data;
  const attributes = Array.isArray(event.attributes)
    ? Object.fromEntries(event.attributes.map((attribute) => [attribute.name, attribute.value]))
    : (event.attributes ?? {});
  return {
    name: event.name,
    retailerId: event.retailerId,
    accountId: event.accountId ?? undefined,
    entityType: event.entityType,
    entityId: event.entityId ?? undefined,
    entityRef: event.entityRef ?? undefined,
    entitySubtype: event.entitySubtype ?? undefined,
    rootEntityType: event.rootEntityType ?? undefined,
    rootEntityId: event.rootEntityId ?? undefined,
    rootEntityRef: event.rootEntityRef ?? undefined,
    attributes,
    scheduledOn: event.scheduledOn ?? undefined,
    meta: event.meta ?? undefined,
  };
}

/** The accepted event with its generated id (§8 #6); undefined fields left out. */
function echo(id: string, accountId: string, event: SubmitEventInput): Record<string, unknown> {
  const body: Record<string, unknown> = { id, ...event, accountId: event.accountId ?? accountId };
  for (const key of Object.keys(body)) if (body[key] === undefined) delete body[key];
  return body;
}

function values(query: Request['query'], key: string): string[] {
  // Keys are flat (`context.entityType`) and a repeated parameter is a list of any length
  // (http/parse-query-string.ts).
  const raw = query[key];
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  return list.filter((value): value is string => typeof value === 'string' && value.trim() !== '').map((value) => value.trim());
}

function dateParam(query: Request['query'], key: 'from' | 'to'): Date | undefined {
  const [value] = values(query, key);
  if (value === undefined) return undefined;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    throw new SimError('VALIDATION_FAILED', `'${key}' must be a UTC ISO date-time such as 2023-03-06T01:05:45.00Z, got "${value}"`);
  }
  return date;
}

function intParam(query: Request['query'], key: 'start' | 'count', min: number): number | undefined {
  const [value] = values(query, key);
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < min) {
    throw new SimError('VALIDATION_FAILED', `'${key}' must be a whole number ≥ ${min}, got "${value}"`);
  }
  return number;
}

/** Query string → filters of `GET /api/v4.1/event` (§3.5). Repeating a parameter means "any of". */
export function parseEventSearchQuery(query: Request['query']): EventSearchFilters {
  const filters: EventSearchFilters = {};
  for (const field of EVENT_FILTER_FIELDS) {
    const list = values(query, field);
    if (list.length > 0) filters[field] = list;
  }
  const from = dateParam(query, 'from');
  const to = dateParam(query, 'to');
  const start = intParam(query, 'start', 0);
  const count = intParam(query, 'count', 1);
  if (from) filters.from = from;
  if (to) filters.to = to;
  if (start !== undefined) filters.start = start;
  if (count !== undefined) filters.count = count;
  return filters;
}

export type EventApiAnswer = { status: number; body: Record<string, unknown> };

/**
 * `POST /api/v4.1/event/{async,sync}` after the body was parsed: checks it, runs it, and returns
 * the platform's answer. One place for the express route and the lean route (lean-event-route.ts).
 * @throws SimError for a body that is not a valid event (the caller's error handler answers).
 */
export async function submitFromApi(runtime: EventRuntime, body: unknown, mode: 'async' | 'sync'): Promise<EventApiAnswer> {
  const event = parseEventBody(body);
  const result = await runtime.engine.submit(event, { mode, source: API_SOURCE });
  if (mode === 'async') return { status: 200, body: echo(result.eventId, runtime.accountId, event) };
  // COMPLETE → 200; FAILED and NO_MATCH → 400 with the same body family (§3.4).
  const ok = result.eventStatus === 'COMPLETE' || result.eventStatus === 'SCHEDULED' || result.eventStatus === 'PENDING';
  const answer: Record<string, unknown> = { eventId: result.eventId, entityId: result.entityId, eventStatus: result.eventStatus };
  if (result.eventStatus === 'FAILED') answer['errorMessage'] = result.errorMessage ?? 'Event has Failed';
  // Simulator-only: a NO_MATCH because the workflow has no ruleset of that name says so (issue 10).
  if (result.eventStatus === 'NO_MATCH' && result.errorMessage !== undefined) answer['errorMessage'] = result.errorMessage;
  return { status: ok ? 200 : 400, body: answer };
}

export function createEventRouter(getRuntime: (req: Request) => EventRuntime): Router {
  const router = Router();
  router.use('/api/v4.1/event', express.json({ limit: '10mb' }));

  router.post('/api/v4.1/event/async', async (req, res) => {
    const answer = await submitFromApi(getRuntime(req), req.body, 'async');
    res.status(answer.status).json(answer.body);
  });

  router.post('/api/v4.1/event/sync', async (req, res) => {
    const answer = await submitFromApi(getRuntime(req), req.body, 'sync');
    res.status(answer.status).json(answer.body);
  });

  router.get('/api/v4.1/event', (req, res) => {
    res.status(200).json(getRuntime(req).events.search(parseEventSearchQuery(req.query)));
  });

  router.get('/api/v4.1/event/:id', (req, res) => {
    const record = getRuntime(req).events.get(req.params.id);
    if (!record) throw new SimError('NOT_FOUND', `No event with id ${req.params.id}`);
    res.status(200).json(record);
  });

  return router;
}

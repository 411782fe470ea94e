/**
 * Job & Batch API (fluent-platform.md §4): `POST /api/v4.1/job`, `GET /api/v4.1/job/{id}`,
 * `POST /api/v4.1/job/{id}/batch`, `GET /api/v4.1/job/{id}/batch/{batchId}` and the official
 * client's `GET /api/v4.1/job/{id}/results` (§4.1, §8 #10). Parses requests, calls the account's
 * JobService, writes its bodies; SimErrors go to the central error handler (400s, 404s).
 */
import express, { Router, type Request } from 'express';
import type { JobService } from '../../batch/job-service.js';
import { parseJobRequest } from '../../batch/parse-job-request.js';
import { SimError } from '../../domain/errors.js';

function intParam(query: Request['query'], key: 'start' | 'count', min: number): number | undefined {
  const raw = query[key];
  if (raw === undefined) return undefined;
  const number = typeof raw === 'string' ? Number(raw) : Number.NaN;
  if (!Number.isInteger(number) || number < min)
    throw new SimError('VALIDATION_FAILED', `'${key}' must be a whole number ≥ ${min}, got ${JSON.stringify(raw)}`);
  return number;
}

export function createJobRouter(getJobs: (req: Request) => JobService): Router {
  const router = Router();
  // Up to 5,000 records per batch (§4.4).
  router.use('/api/v4.1/job', express.json({ limit: '50mb' }));

  router.post('/api/v4.1/job', (req, res) => {
    res.status(200).json(getJobs(req).createJob(parseJobRequest(req.body)));
  });

  router.get('/api/v4.1/job/:id', (req, res) => {
    res.status(200).json(getJobs(req).getJob(req.params.id));
  });

  router.post('/api/v4.1/job/:id/batch', (req, res) => {
    res.status(200).json(getJobs(req).submitBatch(req.params.id, req.body));
  });

  router.get('/api/v4.1/job/:id/batch/:batchId', (req, res) => {
    const start = intParam(req.query, 'start', 0);
    const count = intParam(req.query, 'count', 1);
    const page = { ...(start !== undefined ? { start } : {}), ...(count !== undefined ? { count } : {}) };
    res.status(200).json(getJobs(req).getBatch(req.params.id, req.params.batchId, page));
  });

  router.get('/api/v4.1/job/:id/results', (req, res) => {
    res.status(200).json(getJobs(req).getJobResults(req.params.id));
  });

  return router;
}

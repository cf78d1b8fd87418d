import type { FastifyInstance } from 'fastify';
import { z } from '../../domain/zod';
import { Id } from '../../domain/primitives';
import {
  ActionEditRequest,
  CreatePlanRequest,
  MeasureEditRequest,
  MergeActionRequest,
  NewActionRequest,
  NewMeasureRequest,
  PlanImportRequest,
  UpdatePlanRequest,
  type CreatedResponse,
  type PlanResponse,
} from '../../domain/plan-admin/requests';
import { parseOr400 } from '../http/parse';
import { requireAuth, type AuthDeps } from '../auth/authenticate';
import { importPlan } from '../plans/import-plan';
import { createPlan, updatePlan } from '../plans/edit-plans';
import { addAction, editAction, mergeAction, removeAction } from '../plans/edit-actions';
import { addMeasure, editMeasure, removeMeasure } from '../plans/edit-measures';

const PartnershipParams = z.strictObject({ partnershipId: Id });
const PlanParams = z.strictObject({ planId: Id });
const ActionParams = z.strictObject({ actionId: Id });
const MeasureParams = z.strictObject({ measureId: Id });
const Empty = z.strictObject({});

/** A plan file of 1 MB, JSON-escaped, with room to spare; the importer refuses bigger files itself. */
const IMPORT_BODY_LIMIT = 5 * 1024 * 1024;

/**
 * Coordinators change their partnership's plans here: create one, import it from CSV (preview,
 * then commit), and edit actions and measures. Every change is one transaction with its audit
 * entry and fresh versions, so officers' phones pull it on their next sync.
 */
export function planRoutes(app: FastifyInstance, deps: AuthDeps): void {
  const { storage } = deps;

  app.post('/api/partnerships/:partnershipId/plans', async (request, reply) => {
    const auth = await requireAuth(request, deps);
    const { partnershipId } = parseOr400(PartnershipParams, request.params, 'address');
    const req = parseOr400(CreatePlanRequest, request.body, 'plan');
    const body: PlanResponse = { plan: await storage.transaction((tx) => createPlan(tx, auth, partnershipId, req, deps.now())) };
    return reply.code(201).send(body);
  });

  app.patch('/api/plans/:planId', async (request) => {
    const auth = await requireAuth(request, deps);
    const { planId } = parseOr400(PlanParams, request.params, 'address');
    const req = parseOr400(UpdatePlanRequest, request.body, 'plan');
    const body: PlanResponse = { plan: await storage.transaction((tx) => updatePlan(tx, auth, planId, req, deps.now())) };
    return body;
  });

  app.post('/api/plans/:planId/import', { bodyLimit: IMPORT_BODY_LIMIT }, async (request) => {
    const auth = await requireAuth(request, deps);
    const { planId } = parseOr400(PlanParams, request.params, 'address');
    const req = parseOr400(PlanImportRequest, request.body, 'import');
    return importPlan(storage, auth, planId, req, deps.now());
  });

  app.post('/api/plans/:planId/actions', async (request, reply) => {
    const auth = await requireAuth(request, deps);
    const { planId } = parseOr400(PlanParams, request.params, 'address');
    const req = parseOr400(NewActionRequest, request.body, 'action');
    const action = await storage.transaction((tx) => addAction(tx, auth, planId, req, deps.now()));
    const body: CreatedResponse = { id: action.id };
    return reply.code(201).send(body);
  });

  app.patch('/api/actions/:actionId', async (request, reply) => {
    const auth = await requireAuth(request, deps);
    const { actionId } = parseOr400(ActionParams, request.params, 'address');
    const req = parseOr400(ActionEditRequest, request.body, 'action');
    await storage.transaction((tx) => editAction(tx, auth, actionId, req, deps.now()));
    return reply.code(204).send();
  });

  app.post('/api/actions/:actionId/merge', async (request, reply) => {
    const auth = await requireAuth(request, deps);
    const { actionId } = parseOr400(ActionParams, request.params, 'address');
    const { intoActionId } = parseOr400(MergeActionRequest, request.body, 'merge');
    await storage.transaction((tx) => mergeAction(tx, auth, actionId, intoActionId, deps.now()));
    return reply.code(204).send();
  });

  app.delete('/api/actions/:actionId', async (request, reply) => {
    const auth = await requireAuth(request, deps);
    const { actionId } = parseOr400(ActionParams, request.params, 'address');
    parseOr400(Empty, request.body ?? {}, 'request');
    await storage.transaction((tx) => removeAction(tx, auth, actionId, deps.now()));
    return reply.code(204).send();
  });

  app.post('/api/actions/:actionId/measures', async (request, reply) => {
    const auth = await requireAuth(request, deps);
    const { actionId } = parseOr400(ActionParams, request.params, 'address');
    const req = parseOr400(NewMeasureRequest, request.body, 'measure');
    const measure = await storage.transaction((tx) => addMeasure(tx, auth, actionId, req, deps.now()));
    const body: CreatedResponse = { id: measure.id };
    return reply.code(201).send(body);
  });

  app.patch('/api/measures/:measureId', async (request, reply) => {
    const auth = await requireAuth(request, deps);
    const { measureId } = parseOr400(MeasureParams, request.params, 'address');
    const req = parseOr400(MeasureEditRequest, request.body, 'measure');
    await storage.transaction((tx) => editMeasure(tx, auth, measureId, req, deps.now()));
    return reply.code(204).send();
  });

  app.delete('/api/measures/:measureId', async (request, reply) => {
    const auth = await requireAuth(request, deps);
    const { measureId } = parseOr400(MeasureParams, request.params, 'address');
    parseOr400(Empty, request.body ?? {}, 'request');
    await storage.transaction((tx) => removeMeasure(tx, auth, measureId, deps.now()));
    return reply.code(204).send();
  });
}

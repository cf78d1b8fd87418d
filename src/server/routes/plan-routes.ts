import type { FastifyInstance } from 'fastify';
import type { CreatedResponse, PlanResponse } from '../../domain/plan-admin/requests';
import * as plans from '../../domain/api/plans';
import { route } from '../http/endpoint-route';
import { requireAuth, type AuthDeps } from '../auth/authenticate';
import { importPlan } from '../plans/import-plan';
import { createPlan, updatePlan } from '../plans/edit-plans';
import { addAction, editAction, mergeAction, removeAction } from '../plans/edit-actions';
import { addMeasure, editMeasure, removeMeasure } from '../plans/edit-measures';

/** A plan file of 1 MB, JSON-escaped, with room to spare; the importer refuses bigger files itself. */
const IMPORT_BODY_LIMIT = 5 * 1024 * 1024;

/**
 * Coordinators change their partnership's plans here: create one, import it from CSV (preview,
 * then commit), and edit actions and measures. Every change is one transaction with its audit
 * entry and fresh versions, so officers' phones pull it on their next sync.
 */
export function planRoutes(app: FastifyInstance, deps: AuthDeps): void {
  const { storage } = deps;

  route(app, plans.createPlan, async (request, reply, input) => {
    const auth = await requireAuth(request, deps);
    const { partnershipId } = input.params();
    const req = input.body();
    const body: PlanResponse = { plan: await storage.transaction((tx) => createPlan(tx, auth, partnershipId, req, deps.now())) };
    return reply.code(201).send(body);
  });

  route(app, plans.updatePlan, async (request, _reply, input) => {
    const auth = await requireAuth(request, deps);
    const { planId } = input.params();
    const req = input.body();
    const body: PlanResponse = { plan: await storage.transaction((tx) => updatePlan(tx, auth, planId, req, deps.now())) };
    return body;
  });

  route(app, plans.importPlan, { bodyLimit: IMPORT_BODY_LIMIT }, async (request, _reply, input) => {
    const auth = await requireAuth(request, deps);
    const { planId } = input.params();
    const req = input.body();
    return importPlan(storage, auth, planId, req, deps.now());
  });

  route(app, plans.addAction, async (request, reply, input) => {
    const auth = await requireAuth(request, deps);
    const { planId } = input.params();
    const req = input.body();
    const action = await storage.transaction((tx) => addAction(tx, auth, planId, req, deps.now()));
    const body: CreatedResponse = { id: action.id };
    return reply.code(201).send(body);
  });

  route(app, plans.editAction, async (request, reply, input) => {
    const auth = await requireAuth(request, deps);
    const { actionId } = input.params();
    const req = input.body();
    await storage.transaction((tx) => editAction(tx, auth, actionId, req, deps.now()));
    return reply.code(204).send();
  });

  route(app, plans.mergeAction, async (request, reply, input) => {
    const auth = await requireAuth(request, deps);
    const { actionId } = input.params();
    const { intoActionId } = input.body();
    await storage.transaction((tx) => mergeAction(tx, auth, actionId, intoActionId, deps.now()));
    return reply.code(204).send();
  });

  route(app, plans.removeAction, async (request, reply, input) => {
    const auth = await requireAuth(request, deps);
    const { actionId } = input.params();
    input.body();
    await storage.transaction((tx) => removeAction(tx, auth, actionId, deps.now()));
    return reply.code(204).send();
  });

  route(app, plans.addMeasure, async (request, reply, input) => {
    const auth = await requireAuth(request, deps);
    const { actionId } = input.params();
    const req = input.body();
    const measure = await storage.transaction((tx) => addMeasure(tx, auth, actionId, req, deps.now()));
    const body: CreatedResponse = { id: measure.id };
    return reply.code(201).send(body);
  });

  route(app, plans.editMeasure, async (request, reply, input) => {
    const auth = await requireAuth(request, deps);
    const { measureId } = input.params();
    const req = input.body();
    await storage.transaction((tx) => editMeasure(tx, auth, measureId, req, deps.now()));
    return reply.code(204).send();
  });

  route(app, plans.removeMeasure, async (request, reply, input) => {
    const auth = await requireAuth(request, deps);
    const { measureId } = input.params();
    input.body();
    await storage.transaction((tx) => removeMeasure(tx, auth, measureId, deps.now()));
    return reply.code(204).send();
  });
}

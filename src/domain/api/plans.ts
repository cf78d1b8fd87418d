import { Id } from '../primitives';
import {
  ActionEditRequest,
  CreatedResponse,
  CreatePlanRequest,
  MeasureEditRequest,
  MergeActionRequest,
  NewActionRequest,
  NewMeasureRequest,
  PlanImportRequest,
  PlanImportResponse,
  PlanResponse,
  UpdatePlanRequest,
} from '../plan-admin/requests';
import { EmptyBody } from './empty-body';
import type { Endpoint } from './endpoint';

/** Coordinators change their partnership's plans: create, import from CSV, edit actions and measures. */
const plan = { planId: Id };
const action = { actionId: Id };
const measure = { measureId: Id };

export const createPlan = {
  method: 'POST',
  path: '/api/partnerships/:partnershipId/plans',
  params: { partnershipId: Id },
  body: CreatePlanRequest,
  what: 'plan',
  response: PlanResponse,
} as const satisfies Endpoint;

export const updatePlan = {
  method: 'PATCH',
  path: '/api/plans/:planId',
  params: plan,
  body: UpdatePlanRequest,
  what: 'plan',
  response: PlanResponse,
} as const satisfies Endpoint;

export const importPlan = {
  method: 'POST',
  path: '/api/plans/:planId/import',
  params: plan,
  body: PlanImportRequest,
  what: 'import',
  response: PlanImportResponse,
} as const satisfies Endpoint;

export const addAction = {
  method: 'POST',
  path: '/api/plans/:planId/actions',
  params: plan,
  body: NewActionRequest,
  what: 'action',
  response: CreatedResponse,
} as const satisfies Endpoint;

export const editAction = {
  method: 'PATCH',
  path: '/api/actions/:actionId',
  params: action,
  body: ActionEditRequest,
  what: 'action',
  response: null,
} as const satisfies Endpoint;

export const mergeAction = {
  method: 'POST',
  path: '/api/actions/:actionId/merge',
  params: action,
  body: MergeActionRequest,
  what: 'merge',
  response: null,
} as const satisfies Endpoint;

export const removeAction = { method: 'DELETE', path: '/api/actions/:actionId', params: action, body: EmptyBody, response: null } as const satisfies Endpoint;

export const addMeasure = {
  method: 'POST',
  path: '/api/actions/:actionId/measures',
  params: action,
  body: NewMeasureRequest,
  what: 'measure',
  response: CreatedResponse,
} as const satisfies Endpoint;

export const editMeasure = {
  method: 'PATCH',
  path: '/api/measures/:measureId',
  params: measure,
  body: MeasureEditRequest,
  what: 'measure',
  response: null,
} as const satisfies Endpoint;

export const removeMeasure = {
  method: 'DELETE',
  path: '/api/measures/:measureId',
  params: measure,
  body: EmptyBody,
  response: null,
} as const satisfies Endpoint;

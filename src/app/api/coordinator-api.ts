import {
  CreatedResponse,
  PlanImportResponse,
  PlanResponse,
  type ActionEditRequest,
  type CreatePlanRequest,
  type MeasureEditRequest,
  type NewActionRequest,
  type NewMeasureRequest,
  type PlanImportRequest,
  type UpdatePlanRequest,
} from '../../domain/plan-admin/requests';
import type { ActionReviewRequest } from '../../domain/review';
import { FundReturnSaved, type FundReturnRequest } from '../../domain/fund-return';
import { AddMemberResponse, MemberResponse, type AddMemberRequest, type ChangeMemberRequest } from '../../domain/account';
import type { ApiClient } from './api-client';

export type CoordinatorApi = ReturnType<typeof coordinatorApi>;

const at = (...parts: string[]) => parts.map(encodeURIComponent).join('/');

/**
 * What coordinators ask of the server directly (plan changes), over the app's one API client.
 * Kept apart from it so an officer's phone never downloads it: only the coordinator's screens
 * import this file. Every answer is checked against the shared schema, as for every request.
 */
export function coordinatorApi(api: Pick<ApiClient, 'request'>) {
  const { request } = api;
  return {
    createPlan: async (partnershipId: string, req: CreatePlanRequest) =>
      (await request('POST', `/api/partnerships/${at(partnershipId)}/plans`, PlanResponse, req)).plan,
    updatePlan: async (planId: string, req: UpdatePlanRequest) => (await request('PATCH', `/api/plans/${at(planId)}`, PlanResponse, req)).plan,
    importPlan: (planId: string, req: PlanImportRequest) => request('POST', `/api/plans/${at(planId)}/import`, PlanImportResponse, req),
    addAction: async (planId: string, req: NewActionRequest) => (await request('POST', `/api/plans/${at(planId)}/actions`, CreatedResponse, req)).id,
    editAction: (actionId: string, req: ActionEditRequest) => request('PATCH', `/api/actions/${at(actionId)}`, null, req),
    mergeAction: (actionId: string, intoActionId: string) => request('POST', `/api/actions/${at(actionId)}/merge`, null, { intoActionId }),
    removeAction: (actionId: string) => request('DELETE', `/api/actions/${at(actionId)}`, null, {}),
    addMeasure: async (actionId: string, req: NewMeasureRequest) => (await request('POST', `/api/actions/${at(actionId)}/measures`, CreatedResponse, req)).id,
    editMeasure: (measureId: string, req: MeasureEditRequest) => request('PATCH', `/api/measures/${at(measureId)}`, null, req),
    removeMeasure: (measureId: string) => request('DELETE', `/api/measures/${at(measureId)}`, null, {}),
    saveReview: (actionId: string, quarterStart: string, req: ActionReviewRequest) =>
      request('PUT', `/api/actions/${at(actionId, 'reviews', quarterStart)}`, null, req),
    signOff: (planId: string, quarterStart: string) => request('POST', `/api/plans/${at(planId, 'sign-offs')}`, null, { quarterStart }),
    reopen: (planId: string, quarterStart: string) => request('POST', `/api/plans/${at(planId, 'sign-offs', quarterStart, 'reopen')}`, null, {}),
    saveFundReturn: async (planId: string, req: FundReturnRequest) =>
      (await request('PUT', `/api/plans/${at(planId, 'fund-return')}`, FundReturnSaved, req)).version,
    /** The answer holds a new account's temporary password: shown once, never kept. */
    addMember: (partnershipId: string, req: AddMemberRequest) => request('POST', `/api/partnerships/${at(partnershipId, 'members')}`, AddMemberResponse, req),
    changeMember: async (partnershipId: string, userId: string, req: ChangeMemberRequest) =>
      (await request('PATCH', `/api/partnerships/${at(partnershipId, 'members', userId)}`, MemberResponse, req)).member,
    reactivateMember: (partnershipId: string, userId: string) =>
      request('POST', `/api/partnerships/${at(partnershipId, 'members', userId, 'reactivate')}`, null, {}),
  };
}

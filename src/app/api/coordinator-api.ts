import type {
  ActionEditRequest,
  CreatePlanRequest,
  MeasureEditRequest,
  NewActionRequest,
  NewMeasureRequest,
  PlanImportRequest,
  UpdatePlanRequest,
} from '../../domain/plan-admin/requests';
import type { ActionReviewRequest } from '../../domain/review';
import type { FundReturnRequest } from '../../domain/fund-return';
import type { AddMemberRequest, ChangeMemberRequest } from '../../domain/account';
import * as plans from '../../domain/api/plans';
import * as reviews from '../../domain/api/reviews';
import * as fundReturns from '../../domain/api/fund-returns';
import * as members from '../../domain/api/members';
import type { ApiClient } from './api-client';

export type CoordinatorApi = ReturnType<typeof coordinatorApi>;

/**
 * What coordinators ask of the server directly (plan changes), over the app's one API client.
 * Kept apart from it so an officer's phone never downloads it: only the coordinator's screens
 * import this file. Every answer is checked against the shared schema, as for every request.
 */
export function coordinatorApi(api: Pick<ApiClient, 'call'>) {
  const { call } = api;
  return {
    createPlan: async (partnershipId: string, body: CreatePlanRequest) => (await call(plans.createPlan, { params: { partnershipId }, body })).plan,
    updatePlan: async (planId: string, body: UpdatePlanRequest) => (await call(plans.updatePlan, { params: { planId }, body })).plan,
    importPlan: (planId: string, body: PlanImportRequest) => call(plans.importPlan, { params: { planId }, body }),
    addAction: async (planId: string, body: NewActionRequest) => (await call(plans.addAction, { params: { planId }, body })).id,
    editAction: (actionId: string, body: ActionEditRequest) => call(plans.editAction, { params: { actionId }, body }),
    mergeAction: (actionId: string, intoActionId: string) => call(plans.mergeAction, { params: { actionId }, body: { intoActionId } }),
    removeAction: (actionId: string) => call(plans.removeAction, { params: { actionId } }),
    addMeasure: async (actionId: string, body: NewMeasureRequest) => (await call(plans.addMeasure, { params: { actionId }, body })).id,
    editMeasure: (measureId: string, body: MeasureEditRequest) => call(plans.editMeasure, { params: { measureId }, body }),
    removeMeasure: (measureId: string) => call(plans.removeMeasure, { params: { measureId } }),
    saveReview: (actionId: string, quarterStart: string, body: ActionReviewRequest) => call(reviews.saveReview, { params: { actionId, quarterStart }, body }),
    signOff: (planId: string, quarterStart: string) => call(reviews.signOff, { params: { planId }, body: { quarterStart } }),
    reopen: (planId: string, quarterStart: string) => call(reviews.reopen, { params: { planId, quarterStart } }),
    saveFundReturn: async (planId: string, body: FundReturnRequest) => (await call(fundReturns.saveFundReturn, { params: { planId }, body })).version,
    /** The answer holds a new account's temporary password: shown once, never kept. */
    addMember: (partnershipId: string, body: AddMemberRequest) => call(members.addMember, { params: { partnershipId }, body }),
    changeMember: async (partnershipId: string, userId: string, body: ChangeMemberRequest) =>
      (await call(members.changeMember, { params: { partnershipId, userId }, body })).member,
    reactivateMember: (partnershipId: string, userId: string) => call(members.reactivateMember, { params: { partnershipId, userId } }),
  };
}

import { DEMO_USERS } from '../../src/server/seed/demo-seed';

export const OFFICER = DEMO_USERS.officer;
export const COORDINATOR = DEMO_USERS.coordinator;

import type { SessionUser } from '../../domain/user';
import { useUserServices } from '../services/services-context';

export function useCurrentUser(): SessionUser {
  return useUserServices().user;
}

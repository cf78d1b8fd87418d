import { useCallback, useEffect, useState } from 'react';
import type { AddMemberRequest, Member } from '../../domain/account';
import type { Role } from '../../domain/user';
import type { ApiClient } from '../api/api-client';
import type { CoordinatorApi } from '../api/coordinator-api';
import type { AuditEntry } from '../../domain/audit';
import type { OutcomeHistoryEntry } from '../../domain/outcome-history';
import { useAppServices } from '../services/services-context';
import { pathTo } from '../../domain/api/endpoint';
import { auditCsv } from '../../domain/api/partnership';

/*
 * Account and partnership administration. These ask the server directly (a coordinator at a desk,
 * online); nothing here is kept on the phone. Errors are handed to the screen to show.
 */

/** Through the session, which also re-keys the idle lock and clears a temporary password's flag. */
export function useChangePassword(): (currentPassword: string, newPassword: string) => Promise<void> {
  const { session } = useAppServices();
  return useCallback((currentPassword: string, newPassword: string) => session.changePassword(currentPassword, newPassword), [session]);
}

export function useMembers(partnershipId: string) {
  const { getApi } = useAppServices();
  const [members, setMembers] = useState<Member[]>();
  const [error, setError] = useState<unknown>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let live = true;
    getApi()
      .then((api) => api.members(partnershipId))
      .then(
        (m) => live && setMembers(m),
        (e: unknown) => live && setError(e),
      );
    return () => {
      live = false;
    };
  }, [getApi, partnershipId, version]);
  // Each change resolves once the list is read again, so the screen shows the server's word, not
  // a guess, by the time it says the change is done. A failed re-read is retried by the effect.
  const change = useCallback(
    async <T,>(fn: (api: CoordinatorApi & ApiClient) => Promise<T>): Promise<T> => {
      // Loaded on use: officers' screens import this file (the password change) and should not carry it.
      const [api, { coordinatorApi }] = await Promise.all([getApi(), import('../api/coordinator-api')]);
      const result = await fn({ ...api, ...coordinatorApi(api) });
      try {
        setMembers(await api.members(partnershipId));
      } catch {
        setVersion((v) => v + 1);
      }
      return result;
    },
    [getApi, partnershipId],
  );
  return {
    members,
    error,
    deactivate: useCallback((userId: string) => change((a) => a.deactivateMember(partnershipId, userId)), [change, partnershipId]),
    reactivate: useCallback((userId: string) => change((a) => a.reactivateMember(partnershipId, userId)), [change, partnershipId]),
    /** Resolves with the answer, which holds a new account's temporary password: show it once. */
    add: useCallback((req: AddMemberRequest) => change((a) => a.addMember(partnershipId, req)), [change, partnershipId]),
    changeRole: useCallback((userId: string, role: Role) => change((a) => a.changeMember(partnershipId, userId, { role })), [change, partnershipId]),
  };
}

export function useAuditLog(partnershipId: string) {
  const { getApi } = useAppServices();
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [nextBefore, setNextBefore] = useState<number | null | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);

  // The newest page, on opening.
  useEffect(() => {
    let live = true;
    getApi()
      .then((api) => api.auditPage(partnershipId))
      .then(
        (page) => {
          if (!live) return;
          setEntries(page.entries);
          setNextBefore(page.nextBefore);
        },
        (e: unknown) => live && setError(e),
      );
    return () => {
      live = false;
    };
  }, [getApi, partnershipId]);

  // Older pages, on request.
  const loadOlder = useCallback(async () => {
    if (!nextBefore) return;
    setLoading(true);
    try {
      const page = await (await getApi()).auditPage(partnershipId, nextBefore);
      setEntries((e) => [...e, ...page.entries]);
      setNextBefore(page.nextBefore);
      setError(null);
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  }, [getApi, partnershipId, nextBefore]);

  return {
    entries,
    loading,
    error,
    loaded: nextBefore !== undefined,
    loadOlder: nextBefore ? () => void loadOlder() : undefined,
    csvUrl: pathTo(auditCsv, { partnershipId }),
  };
}

/** Every change to one outcome, from the server (coordinators). */
export function useOutcomeHistory(partnershipId: string, outcomeId: string) {
  const { getApi } = useAppServices();
  const [entries, setEntries] = useState<OutcomeHistoryEntry[]>();
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let live = true;
    getApi()
      .then((api) => api.outcomeHistory(partnershipId, outcomeId))
      .then(
        (e) => live && setEntries(e),
        (e: unknown) => live && setError(e),
      );
    return () => {
      live = false;
    };
  }, [getApi, partnershipId, outcomeId]);
  return { entries, error };
}

/** A coordinator imports an officer's file of unsynced records. Throws for the screen to show. */
export function useImportUnsynced(partnershipId: string) {
  const { getApi } = useAppServices();
  return useCallback(async (file: unknown) => (await getApi()).importUnsynced(partnershipId, file), [getApi, partnershipId]);
}

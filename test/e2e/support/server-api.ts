import type { OutcomeRecord } from '../../../src/domain/outcome';
import type { TalliesResponse } from '../../../src/domain/tally/response';
import type { SessionUser } from '../../../src/domain/user';

/** Signs in over the API: the session cookie to send, and who the server says this is. */
async function signInOverApi(url: string, email: string, password: string): Promise<{ cookie: string; user: SessionUser }> {
  const signIn = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!signIn.ok) throw new Error(`sign-in failed: ${signIn.status}`);
  const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { user } = (await signIn.json()) as { user: SessionUser };
  return { cookie, user };
}

/** What the server holds, asked over its API as the given user (never by reading its database). */
export async function outcomesOnServer(url: string, email: string, password: string): Promise<OutcomeRecord[]> {
  const { cookie } = await signInOverApi(url, email, password);
  const outcomes: OutcomeRecord[] = [];
  let cursor = '';
  for (;;) {
    const res = await fetch(`${url}/api/sync/pull?limit=5000${cursor ? `&cursor=${cursor}` : ''}`, { headers: { cookie } });
    const page = (await res.json()) as { changes: { outcomes: OutcomeRecord[] }; cursor: string; more: boolean };
    outcomes.push(...page.changes.outcomes);
    cursor = page.cursor;
    if (!page.more) return outcomes;
  }
}

/** The server's tallies of every measure in the user's (first) partnership, as any member may read them. */
export async function talliesOnServer(url: string, email: string, password: string): Promise<TalliesResponse['measures']> {
  const { cookie, user } = await signInOverApi(url, email, password);
  const partnershipId = user.memberships[0]!.partnershipId;
  const res = await fetch(`${url}/api/partnerships/${partnershipId}/tallies`, { headers: { cookie } });
  if (!res.ok) throw new Error(`tallies failed: ${res.status}`);
  return ((await res.json()) as TalliesResponse).measures;
}

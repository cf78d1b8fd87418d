import type { OutcomeRecord } from '../../../src/domain/outcome';

/** What the server holds, asked over its API as the given user (never by reading its database). */
export async function outcomesOnServer(url: string, email: string, password: string): Promise<OutcomeRecord[]> {
  const signIn = await fetch(`${url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  if (!signIn.ok) throw new Error(`sign-in failed: ${signIn.status}`);
  const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0]!;
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

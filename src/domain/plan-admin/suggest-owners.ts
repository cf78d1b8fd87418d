/** A member who could deliver an action: their job title is what plans name in "lead agency". */
export interface OwnerCandidate {
  id: string;
  jobTitle: string;
  role: string;
}

/**
 * Suggests owners for a newly imported action: the officers whose job title the lead agency text
 * names, as plans do ("District Councils Community Safety Team (Community Safety Projects
 * Officer)"). Only officers, and only whole-title matches, so a vague lead such as "Police" never
 * gives an action to everyone. The coordinator can change owners afterwards.
 */
export function suggestOwners(leadAgencies: readonly string[], members: readonly OwnerCandidate[]): string[] {
  const text = leadAgencies.join(' ').toLowerCase();
  return members
    .filter(
      (m) => m.role === 'officer' && m.jobTitle.trim().length >= 8 && new RegExp(`(^|[^a-z])${escape(m.jobTitle.trim().toLowerCase())}([^a-z]|$)`).test(text),
    )
    .map((m) => m.id);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * What the accessibility statement says is not accessible, in one place. The end-to-end
 * accessibility test (test/e2e/accessibility.spec.ts) runs axe-core over every screen and fails
 * if axe finds a rule on a screen that is not listed here, or if an entry here is no longer found
 * on its screens; the statement's compliance status is worked out from this list, so it cannot
 * claim full compliance while a listed failure remains.
 */
export interface KnownIssue {
  /** The axe-core rule that finds it, e.g. 'color-contrast'. */
  rule: string;
  /** The screens it is on, named as the accessibility test names them (e.g. 'sign-in', 'reports'). */
  screens: string[];
  /** What a person meets, in plain words, and the WCAG 2.2 success criterion it fails. */
  what: string;
  /** When we plan to fix it, or why it is a disproportionate burden or out of scope. */
  plan: string;
}

export const KNOWN_ISSUES: readonly KnownIssue[] = [];

/**
 * When a person last audited the service by hand against WCAG 2.2 AA, or null if nobody has.
 * Automated checks find about a third of failures, so without such an audit the statement says
 * partially compliant even when axe finds nothing.
 */
export const MANUAL_AUDIT: { date: string; by: string } | null = null;

/** When the statement was prepared and last reviewed (change it when the statement changes). */
export const STATEMENT_PREPARED = '8 December 2026';
export const STATEMENT_REVIEWED = '8 December 2026';

export type ComplianceStatus = 'fully' | 'partially';

/** Full compliance only with nothing known wrong and a hand audit behind it. */
export function complianceStatus(issues: readonly KnownIssue[] = KNOWN_ISSUES, audit = MANUAL_AUDIT): ComplianceStatus {
  return issues.length === 0 && audit !== null ? 'fully' : 'partially';
}

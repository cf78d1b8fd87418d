import { describe, expect, it } from 'vitest';
import { complianceStatus, type KnownIssue } from '../../../src/app/ui/public/accessibility-known-issues';

describe('the accessibility statement’s compliance status', () => {
  const issue: KnownIssue = { rule: 'color-contrast', screens: ['reports'], what: 'Some text is too faint.', plan: 'Fixed by March.' };
  it('is full only with nothing known wrong and a hand audit behind it', () => {
    expect(complianceStatus([], { date: '1 March 2027', by: 'an auditor' })).toBe('fully');
    expect(complianceStatus([issue], { date: '1 March 2027', by: 'an auditor' })).toBe('partially');
    expect(complianceStatus([], null)).toBe('partially');
  });
});

import { usePublicContacts } from '../../data/public-page-hooks';
import { PartnershipContacts } from './PartnershipContacts';
import { PublicPageFrame } from './PublicPageFrame';
import { complianceStatus, KNOWN_ISSUES, MANUAL_AUDIT, STATEMENT_PREPARED, STATEMENT_REVIEWED } from './accessibility-known-issues';

/**
 * The accessibility statement, in the shape of GOV.UK's model statement for the Public Sector
 * Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018. What is not
 * accessible comes from accessibility-known-issues.ts, which the axe test keeps true.
 */
export default function AccessibilityStatement() {
  const contacts = usePublicContacts();
  const status = complianceStatus();
  return (
    <PublicPageFrame title="Accessibility statement for Fieldbook">
      <p>
        This statement applies to Fieldbook, the app Community Safety Partnerships use to keep their plan on officers’ phones and to log and report what
        they did. It is run by your partnership and hosted by the organisation named below.
      </p>
      <p>We want as many people as possible to be able to use it. For example, that means you should be able to:</p>
      <ul>
        <li>change colours, contrast levels and fonts using your browser or phone settings</li>
        <li>zoom in up to 400% without the text spilling off the screen</li>
        <li>navigate the whole app using just a keyboard or switch control</li>
        <li>navigate most of the app using speech recognition software</li>
        <li>listen to the app using a screen reader (including recent versions of JAWS, NVDA, VoiceOver and TalkBack)</li>
      </ul>
      <p>We have also made the text as simple as possible to understand.</p>

      <h2>How accessible this app is</h2>
      {KNOWN_ISSUES.length === 0 ? (
        <p>Our automated checks find no failures of the Web Content Accessibility Guidelines (WCAG) 2.2 AA on the screens they test.</p>
      ) : (
        <>
          <p>We know some parts of this app are not fully accessible:</p>
          <ul>
            {KNOWN_ISSUES.map((issue) => (
              <li key={issue.rule}>{issue.what}</li>
            ))}
          </ul>
        </>
      )}

      <h2>Feedback and contact information</h2>
      <p>If you find a problem, or need information in this app in a different format such as large print, audio recording or braille, contact:</p>
      <PartnershipContacts contacts={contacts} about="accessibility" />
      <p>We’ll consider your request and get back to you within 10 working days.</p>

      <h2>Reporting accessibility problems with this app</h2>
      <p>
        We’re always looking to improve the accessibility of this app. If you find any problems not listed on this page or think we’re not meeting
        accessibility requirements, contact us using the details above.
      </p>

      <h2>Enforcement procedure</h2>
      <p>
        The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector Bodies (Websites and Mobile Applications) (No. 2)
        Accessibility Regulations 2018 (the ‘accessibility regulations’). If you’re not happy with how we respond to your complaint, contact the{' '}
        <a href="https://www.equalityadvisoryservice.com/">Equality Advisory and Support Service (EASS)</a>.
      </p>

      <h2>Technical information about this app’s accessibility</h2>
      <p>
        Your partnership is committed to making this app accessible, in accordance with the Public Sector Bodies (Websites and Mobile Applications) (No. 2)
        Accessibility Regulations 2018.
      </p>
      <h3>Compliance status</h3>
      <p data-testid="compliance-status">
        {status === 'fully'
          ? 'This app is fully compliant with the Web Content Accessibility Guidelines version 2.2 AA standard.'
          : 'This app is partially compliant with the Web Content Accessibility Guidelines version 2.2 AA standard, due to the non-compliances and the gaps in testing listed below.'}
      </p>

      <h2>Non-accessible content</h2>
      <h3>Non-compliance with the accessibility regulations</h3>
      {KNOWN_ISSUES.length === 0 ? (
        <p>Our automated tests find none today.</p>
      ) : (
        <ul data-testid="known-issues">
          {KNOWN_ISSUES.map((issue) => (
            <li key={issue.rule}>
              {issue.what} {issue.plan}
            </li>
          ))}
        </ul>
      )}
      {MANUAL_AUDIT === null && (
        <p>
          The app has not yet been audited by hand against every WCAG 2.2 AA success criterion. Automated checks find only some kinds of failure, so there
          may be problems we do not know about. We plan to commission an audit and will update this statement when it is done.
        </p>
      )}
      <h3>Disproportionate burden</h3>
      <p>We are not claiming that any accessibility problem would be a disproportionate burden to fix.</p>
      <h3>Content that’s not within the scope of the accessibility regulations</h3>
      <p>
        Files that you or your partnership upload or export (photos, CSV files of outcomes, the audit log) are as accessible as the programs you open them
        with.
      </p>

      <h2>What we’re doing to improve accessibility</h2>
      <p>
        Every change to Fieldbook is tested automatically: axe-core checks each screen against WCAG 2.2 AA on a 360 pixel wide phone, including forms with
        their errors showing; the same test checks that no screen needs sideways scrolling (reflow), also with text at 200%; and the outcome form is tested
        by keyboard alone. A change that adds a failure not listed on this page cannot be released.
      </p>

      <h2>Preparation of this accessibility statement</h2>
      <p>
        This statement was prepared on {STATEMENT_PREPARED}. It was last reviewed on {STATEMENT_REVIEWED}.
        {MANUAL_AUDIT
          ? ` The app was last tested on ${MANUAL_AUDIT.date} by ${MANUAL_AUDIT.by}.`
          : ' The app is tested with automated tools (axe-core in Chromium) on every change; it has not yet been tested by an accessibility specialist.'}
      </p>
    </PublicPageFrame>
  );
}

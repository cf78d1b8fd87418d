import { usePublicContacts } from '../../data/public-page-hooks';
import { PartnershipContacts } from './PartnershipContacts';
import { PublicPageFrame } from './PublicPageFrame';

/**
 * The privacy notice for the staff who use Fieldbook: what it holds about them, what it never
 * holds about residents, where, who sees it, for how long, their rights and whom to ask. Kept to
 * what is true of the code today (README "Data protection", docs/security.md).
 */
export default function PrivacyNotice() {
  const contacts = usePublicContacts();
  return (
    <PublicPageFrame title="Privacy notice for Fieldbook">
      <p>
        Fieldbook is the app your Community Safety Partnership uses to keep its plan on your phone and to record what partners did to deliver it. This
        notice says what it holds about you and what it does with it.
      </p>

      <h2>Who is responsible for your data</h2>
      <p>
        The data controller is the organisation named below for your partnership, usually the council that hosts Fieldbook. Ask them, or your
        partnership’s coordinator, for their data protection officer’s details.
      </p>
      <PartnershipContacts contacts={contacts} about="privacy" />

      <h2>What Fieldbook holds about you</h2>
      <ul>
        <li>your name, work email address, job title and your role in each partnership (officer, coordinator or administrator)</li>
        <li>a hash of your password (never the password itself), your sessions and failed sign-in attempts</li>
        <li>an audit record of what you changed and when: outcomes you logged or changed, plan changes, reviews, sign-offs and changes to members</li>
        <li>the outcomes you logged (what was done, when, in which town, and how many), with the notes you wrote and the photos you attached</li>
        <li>for each phone you use, an identifier and the order of what it sent, so nothing is lost or counted twice</li>
      </ul>

      <h2>What it never holds about residents</h2>
      <p>
        Fieldbook records what the partnership did, not whom it was done to. No form asks for a resident’s name, address, date of birth or any other
        identifier; reports are counts, categories and towns. A location is only offered for public places and events, and the server refuses one for
        sanctions, referrals and works. Notes say “No personal details”: do not write any there, or in photos.
      </p>

      <h2>Where it is stored</h2>
      <ul>
        <li>
          On the server run for your partnership by the organisation that hosts Fieldbook. It is not shared with anyone else or used for anything but
          running the partnership’s plan.
        </li>
        <li>
          On your phone, in the browser’s own storage (IndexedDB), so you can work without signal. Signing out syncs what is waiting and then deletes it
          from the phone. After 15 minutes unused the app locks and asks for your password.
        </li>
      </ul>

      <h2>Who can see it</h2>
      <ul>
        <li>Your partnership’s coordinators and administrators see the outcomes everyone logged, with notes and photos, the team and the audit log.</li>
        <li>Other officers see the outcomes of the plan, but not your notes or photos.</li>
        <li>Reports and returns (to the partnership board and the Police and Crime Commissioner) carry counts, never names or notes.</li>
        <li>The people who run the server can see what it stores, to keep it running and backed up.</li>
      </ul>

      <h2>How long it is kept</h2>
      <p>
        Today Fieldbook deletes nothing by itself: outcomes, notes, photos and the audit log are kept until your partnership removes them under its own
        retention schedule. A deactivated member’s account and records stay, so that the partnership’s history stays complete. Sessions end, by default, after 24
        hours unused and 7 days in any case.
      </p>

      <h2>Why we may use it</h2>
      <p>
        Your employer and the partnership use it to perform public tasks: the crime and disorder reduction duties of the Crime and Disorder Act 1998, and
        reporting to the Police and Crime Commissioner.
      </p>

      <h2>Your rights</h2>
      <p>
        You can ask to see the data held about you, to have it corrected, and in some cases to have it deleted or its use restricted, or object to its use.
        Contact the data controller above. If you are unhappy with their answer, you can complain to the{' '}
        <a href="https://ico.org.uk/make-a-complaint/">Information Commissioner’s Office</a>.
      </p>
    </PublicPageFrame>
  );
}

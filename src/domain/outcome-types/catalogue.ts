import type { Choice, FieldSpec } from './fields';

/**
 * The outcome-type catalogue: what officers log, field by field, and nothing that names a person.
 * The form on the phone is drawn from it, the server validates against it, and the tallies read
 * it (src/domain/tally/tally.ts). Field keys and option values are stored and synced: add new ones,
 * never rename or remove a shipped one (old outcomes would stop validating). Labels may change.
 *
 * Sources for the fields: ../shared/notes/domain.md (what partnerships record for each activity).
 */
export interface OutcomeType {
  id: OutcomeTypeId;
  /** As a button or heading: "Training session". */
  label: string;
  /** One line under the label, to help choose. */
  hint: string;
  fields: readonly FieldSpec[];
  /**
   * Whether "use my location" is offered. Only for outcomes about public places and events: a map
   * point on a sanctuary works or a notice would locate a victim's or a resident's home.
   */
  allowsLocation: boolean;
  /**
   * Whether its outcomes attach to a place in a register: which register ("from-scheme": the one
   * its scheme answer names) and whether a place must be chosen.
   */
  place?: { kind: PlaceKindId | 'from-scheme'; required: boolean };
}

/** Schemes a place can belong to (the place registers). New schemes are added here. */
export const PLACE_KINDS = [
  { value: 'safe-place', label: 'Safe Place' },
  { value: 'hate-crime-reporting-centre', label: 'Hate crime reporting centre' },
  { value: 'hotel-watch', label: 'Hotel Watch hotel' },
  { value: 'licensed-premises', label: 'Licensed premises' },
] as const satisfies readonly Choice[];
export type PlaceKindId = (typeof PLACE_KINDS)[number]['value'];

export const TRAINING_TOPICS = [
  { value: 'modern-slavery', label: 'Modern slavery' },
  { value: 'hate-crime', label: 'Hate crime' },
  { value: 'concern-cards', label: 'Concern cards' },
  { value: 'hotel-watch', label: 'Hotel Watch' },
  { value: 'prevent', label: 'Prevent (WRAP)' },
  { value: 'safe-places-champions', label: 'Safe Places champions' },
  { value: 'internet-safety', label: 'Internet safety' },
  { value: 'cybercrime', label: 'Cybercrime and fraud' },
  { value: 'domestic-abuse', label: 'Domestic abuse' },
  { value: 'child-exploitation', label: 'Child exploitation' },
  { value: 'other', label: 'Something else' },
] as const satisfies readonly Choice[];

const AUDIENCES = [
  { value: 'council-staff', label: 'Council staff' },
  { value: 'housing-providers', label: 'Housing providers (RSLs)' },
  { value: 'police', label: 'Police' },
  { value: 'health', label: 'Health' },
  { value: 'hotels', label: 'Hotels and B&Bs' },
  { value: 'licensed-trade', label: 'Licensed trade' },
  { value: 'businesses', label: 'Shops and businesses' },
  { value: 'schools-pupils', label: 'School pupils' },
  { value: 'parents-carers', label: 'Parents and carers' },
  { value: 'voluntary-sector', label: 'Voluntary and community groups' },
  { value: 'public', label: 'General public' },
  { value: 'mixed', label: 'Mixed audience' },
] as const satisfies readonly Choice[];

const VENUE_TYPES = [
  { value: 'shop', label: 'Shop' },
  { value: 'cafe', label: 'Café or food' },
  { value: 'pharmacy', label: 'Pharmacy' },
  { value: 'bank', label: 'Bank' },
  { value: 'library', label: 'Library' },
  { value: 'community-centre', label: 'Community centre' },
  { value: 'council-building', label: 'Council building' },
  { value: 'pub', label: 'Pub or bar' },
  { value: 'hotel', label: 'Hotel or B&B' },
  { value: 'other', label: 'Other' },
] as const satisfies readonly Choice[];

const SANCTIONS = [
  { value: 'cpw', label: 'Community Protection Warning (CPW)' },
  { value: 'cpn', label: 'Community Protection Notice (CPN)' },
  { value: 'cpn-breach', label: 'CPN breached' },
  { value: 'fpn', label: 'Fixed penalty notice (FPN)' },
  { value: 'tenancy-caution', label: 'Tenancy caution' },
  { value: 'abc', label: 'Acceptable behaviour contract (ABC)' },
] as const satisfies readonly Choice[];

const FPN_SANCTIONS = ['fpn'] as const;

export const OUTCOME_TYPE_IDS = [
  'place-joined',
  'safe-place-visit',
  'training-session',
  'engagement-event',
  'enforcement-operation',
  'asb-sanction',
  'referral',
  'meeting',
  'milestone',
  'activity',
] as const;
export type OutcomeTypeId = (typeof OUTCOME_TYPE_IDS)[number];

const attendees = (label = 'Number of attendees', min = 1): FieldSpec => ({
  kind: 'count',
  key: 'attendees',
  label,
  required: true,
  min,
  max: 10_000,
  unit: 'attendees',
});

export const OUTCOME_TYPES: readonly OutcomeType[] = [
  {
    id: 'place-joined',
    label: 'Place joined a scheme',
    hint: 'A Safe Place, hate crime reporting centre, Hotel Watch hotel…',
    allowsLocation: true,
    place: { kind: 'from-scheme', required: false },
    fields: [
      { kind: 'choice', key: 'scheme', label: 'Which scheme?', required: true, options: PLACE_KINDS },
      { kind: 'choice', key: 'venueType', label: 'Type of venue', required: true, options: VENUE_TYPES },
    ],
  },
  {
    id: 'safe-place-visit',
    label: 'Safe Place follow-up visit',
    hint: 'A check on a venue already in the scheme',
    allowsLocation: true,
    place: { kind: 'safe-place', required: true },
    fields: [
      { kind: 'yes-no', key: 'stickerShown', label: 'Is the sticker on display?', required: true },
      {
        kind: 'choice',
        key: 'trainedStaff',
        label: 'Trained staff on site',
        required: true,
        options: [
          { value: 'none', label: 'None' },
          { value: 'one', label: 'One' },
          { value: 'two-or-more', label: 'Two or more' },
        ],
      },
      { kind: 'count', key: 'usesSinceLastVisit', label: 'Times used since the last visit', required: false, min: 0, max: 1000, unit: 'uses' },
      {
        kind: 'choice',
        key: 'result',
        label: 'Outcome of the visit',
        required: true,
        options: [
          { value: 'compliant', label: 'All in order' },
          { value: 'refresher-needed', label: 'Refresher training needed' },
          { value: 'withdrawn', label: 'Venue withdrew' },
        ],
      },
    ],
  },
  {
    id: 'training-session',
    label: 'Training session',
    hint: 'Modern slavery, hate crime, concern cards, Hotel Watch, Prevent…',
    allowsLocation: true,
    fields: [
      { kind: 'choice', key: 'topic', label: 'Topic', required: true, options: TRAINING_TOPICS },
      { kind: 'choice', key: 'audience', label: 'Who was it for?', required: true, options: AUDIENCES },
      attendees(),
      {
        kind: 'choice',
        key: 'format',
        label: 'How was it delivered?',
        required: true,
        options: [
          { value: 'face-to-face', label: 'Face to face' },
          { value: 'online', label: 'Online, live' },
          { value: 'e-learning', label: 'E-learning' },
        ],
      },
      { kind: 'count', key: 'organisations', label: 'Organisations represented', required: false, min: 0, max: 1000, unit: 'organisations' },
      {
        kind: 'short-text',
        key: 'venue',
        label: 'Venue',
        hint: 'The kind of place, such as "village hall" or "council offices"',
        required: false,
        maxLength: 120,
      },
    ],
  },
  {
    id: 'engagement-event',
    label: 'Workshop, event or campaign',
    hint: 'Workshops, theatre productions, campaigns, awareness and diversionary projects',
    allowsLocation: true,
    fields: [
      {
        kind: 'choice',
        key: 'eventKind',
        label: 'What was it?',
        required: true,
        options: [
          { value: 'workshop', label: 'Workshop' },
          { value: 'theatre-production', label: 'Theatre production' },
          { value: 'campaign', label: 'Campaign' },
          { value: 'awareness-event', label: 'Awareness event' },
          { value: 'diversionary-project', label: 'Diversionary project' },
          { value: 'crime-prevention-initiative', label: 'Crime prevention initiative' },
        ],
      },
      { kind: 'choice', key: 'audience', label: 'Who was it for?', required: true, options: AUDIENCES },
      {
        kind: 'count',
        key: 'reach',
        label: 'People reached',
        hint: 'Attendees, or people the campaign reached',
        required: true,
        min: 0,
        max: 1_000_000,
        unit: 'people reached',
      },
      {
        kind: 'choice',
        key: 'feedback',
        label: 'Feedback',
        required: false,
        options: [
          { value: 'positive', label: 'Mostly positive' },
          { value: 'mixed', label: 'Mixed' },
          { value: 'negative', label: 'Mostly negative' },
          { value: 'not-collected', label: 'Not collected' },
        ],
      },
    ],
  },
  {
    id: 'enforcement-operation',
    label: 'Enforcement or test purchase',
    hint: 'Hotel Watch tests, alcohol test purchases, rural crime operations',
    allowsLocation: true,
    fields: [
      {
        kind: 'choice',
        key: 'operation',
        label: 'Type of operation',
        required: true,
        options: [
          { value: 'hotel-test-purchase', label: 'Hotel Watch test purchase' },
          { value: 'alcohol-test-purchase', label: 'Alcohol test purchase' },
          { value: 'rural-crime-operation', label: 'Rural crime operation' },
          { value: 'licensing-check', label: 'Licensing check' },
          { value: 'patrol', label: 'Targeted patrol' },
        ],
      },
      { kind: 'count', key: 'premisesChecked', label: 'Premises checked', required: false, min: 0, max: 1000, unit: 'premises checked' },
      { kind: 'count', key: 'failures', label: 'Premises that failed', required: false, min: 0, max: 1000, unit: 'failures' },
      {
        kind: 'choice',
        key: 'actionTaken',
        label: 'Action taken',
        required: true,
        options: [
          { value: 'none', label: 'None needed' },
          { value: 'advice', label: 'Advice given' },
          { value: 'training-offered', label: 'Training offered' },
          { value: 'licensing-review', label: 'Referred to licensing' },
          { value: 'warning', label: 'Warning issued' },
          { value: 'prosecution', label: 'Prosecution' },
        ],
      },
    ],
  },
  {
    id: 'asb-sanction',
    label: 'Notice or sanction issued',
    hint: 'CPW, CPN, breach, fixed penalty, tenancy caution, ABC',
    allowsLocation: false,
    fields: [
      { kind: 'choice', key: 'sanction', label: 'What was issued?', required: true, options: SANCTIONS },
      {
        kind: 'choice',
        key: 'issuedBy',
        label: 'Issued by',
        required: true,
        options: [
          { value: 'council', label: 'Council' },
          { value: 'police', label: 'Police' },
          { value: 'housing-provider', label: 'Housing provider' },
        ],
      },
      {
        kind: 'choice',
        key: 'behaviour',
        label: 'Behaviour',
        required: true,
        options: [
          { value: 'noise', label: 'Noise' },
          { value: 'waste', label: 'Waste or untidy land' },
          { value: 'dogs', label: 'Dogs' },
          { value: 'alcohol', label: 'Alcohol' },
          { value: 'begging', label: 'Begging' },
          { value: 'vehicles', label: 'Vehicle nuisance' },
          { value: 'youth-asb', label: 'Youth ASB' },
          { value: 'neighbour-dispute', label: 'Neighbour dispute' },
          { value: 'other', label: 'Other' },
        ],
      },
      {
        kind: 'choice',
        key: 'breachAction',
        label: 'Action taken on the breach',
        required: { when: 'sanction', in: ['cpn-breach'] },
        showWhen: { field: 'sanction', in: ['cpn-breach'] },
        options: [
          { value: 'fpn', label: 'Fixed penalty notice' },
          { value: 'prosecution', label: 'Prosecution' },
          { value: 'remedial-action', label: 'Remedial action' },
          { value: 'no-further-action', label: 'No further action' },
        ],
      },
      // The Act caps an FPN at £100 today (s.52); a bill would raise it to £500, so the cap is data.
      { kind: 'money', key: 'fpnAmount', label: 'Penalty amount', required: false, maxPence: 50_000, showWhen: { field: 'sanction', in: FPN_SANCTIONS } },
    ],
  },
  {
    id: 'referral',
    label: 'Referral or works',
    hint: 'Community trigger, guardcam, sanctuary works, burglary repairs, concern cards',
    allowsLocation: false,
    fields: [
      {
        kind: 'choice',
        key: 'referralKind',
        label: 'What was it?',
        required: true,
        options: [
          { value: 'community-trigger', label: 'Community trigger request' },
          { value: 'guardcam', label: 'Guardcam installed' },
          { value: 'sanctuary-works', label: 'Sanctuary works' },
          { value: 'burglary-repair', label: 'Small repair for a burglary victim' },
          { value: 'concern-card', label: 'Concern card referral' },
          { value: 'service-provider', label: 'Referral to a service provider' },
        ],
      },
      {
        kind: 'yes-no',
        key: 'thresholdMet',
        label: 'Was the threshold met?',
        required: false,
        showWhen: { field: 'referralKind', in: ['community-trigger'] },
      },
      { kind: 'money', key: 'cost', label: 'Cost', required: false, maxPence: 10_000_000 },
      { kind: 'count', key: 'daysToComplete', label: 'Days from referral to completion', required: false, min: 0, max: 1000, unit: 'days' },
    ],
  },
  {
    id: 'meeting',
    label: 'Meeting',
    hint: 'JTM, Channel Panel, ASB neighbourhood meetings, Nightsafe, Pubwatch',
    allowsLocation: false,
    fields: [
      {
        kind: 'choice',
        key: 'meeting',
        label: 'Which meeting?',
        required: true,
        options: [
          { value: 'jtm', label: 'Joint Tasking Meeting (JTM)' },
          { value: 'channel-panel', label: 'Channel Panel' },
          { value: 'asb-neighbourhood', label: 'ASB neighbourhood meeting' },
          { value: 'nightsafe', label: 'Nightsafe' },
          { value: 'pubwatch', label: 'Pubwatch' },
          { value: 'cap', label: 'Community Alcohol Partnership' },
          { value: 'service-providers', label: 'Service providers' },
          { value: 'strategy-group', label: 'Strategy or sub-group' },
          { value: 'other', label: 'Other' },
        ],
      },
      { kind: 'count', key: 'agencies', label: 'Agencies present', required: false, min: 0, max: 200, unit: 'agencies' },
      { kind: 'count', key: 'actionsAgreed', label: 'Actions agreed', required: false, min: 0, max: 500, unit: 'actions agreed' },
      { kind: 'count', key: 'actionsCompleted', label: 'Actions completed', required: false, min: 0, max: 500, unit: 'actions completed' },
    ],
  },
  {
    id: 'milestone',
    label: 'Milestone reached',
    hint: 'A protocol agreed, a procedure adopted, a scheme launched',
    allowsLocation: false,
    fields: [
      { kind: 'short-text', key: 'milestone', label: 'What?', hint: 'For example "Modern slavery protocol"', required: true, maxLength: 200 },
      {
        kind: 'choice',
        key: 'stage',
        label: 'Where has it got to?',
        required: true,
        options: [
          { value: 'started', label: 'Started' },
          { value: 'drafted', label: 'Drafted' },
          { value: 'agreed', label: 'Agreed' },
          { value: 'adopted', label: 'Adopted' },
          { value: 'launched', label: 'Launched' },
          { value: 'implemented', label: 'Implemented' },
          { value: 'reviewed', label: 'Reviewed' },
        ],
      },
    ],
  },
  {
    id: 'activity',
    label: 'Other activity',
    hint: 'Anything the plan counts that fits none of the above',
    allowsLocation: false,
    fields: [{ kind: 'count', key: 'quantity', label: 'How many?', required: true, min: 1, max: 100_000, unit: 'in total', initial: 1 }],
  },
];

const byId = new Map(OUTCOME_TYPES.map((t) => [t.id, t]));

export function outcomeType(id: OutcomeTypeId): OutcomeType {
  const t = byId.get(id);
  if (!t) throw new Error(`Unknown outcome type ${id}`);
  return t;
}

export function isOutcomeTypeId(id: string): id is OutcomeTypeId {
  return byId.has(id as OutcomeTypeId);
}

export function fieldOf(type: OutcomeTypeId, key: string): FieldSpec | undefined {
  return byId.get(type)?.fields.find((f) => f.key === key);
}

/** The label for a stored value of a choice field ("hate-crime" → "Hate crime"); the raw value if unknown. */
export function choiceLabel(type: OutcomeTypeId, key: string, value: unknown): string {
  const field = fieldOf(type, key);
  if (field?.kind === 'choice') return field.options.find((o) => o.value === value)?.label ?? String(value);
  return String(value);
}

/** The register an outcome's place must be in, given its answers; null when the type has no place. */
export function placeKindFor(typeId: OutcomeTypeId, details: Readonly<Record<string, unknown>>): PlaceKindId | null {
  const place = outcomeType(typeId).place;
  if (!place) return null;
  if (place.kind !== 'from-scheme') return place.kind;
  const scheme = details.scheme;
  return PLACE_KINDS.some((k) => k.value === scheme) ? (scheme as PlaceKindId) : null;
}

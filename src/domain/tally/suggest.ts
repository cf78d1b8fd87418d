import type { MeasureTally, TallyFigure } from './rule';
import type { OutcomeTypeId } from '../outcome-types/catalogue';

/**
 * Suggests how a measure written as prose adds up, from its wording and its action's: which
 * outcome type, which of those count, which figures and what target. Plans imported from CSV
 * start from these suggestions; a coordinator can change any of them.
 *
 * "two training sessions held, number of attendees and location" under "Deliver Hate Crime
 * Training…" → training sessions on hate crime: count (target 2) and sum of attendees.
 */
export function suggestTally(measureText: string, actionText = ''): MeasureTally {
  const m = measureText.toLowerCase();
  const both = `${m} ${actionText.toLowerCase()}`;
  const target = leadingNumber(m);
  const rule = (outcomeType: OutcomeTypeId, where: MeasureTally['where'], figures: TallyFigure[], withTarget = true): MeasureTally => ({
    outcomeType,
    where,
    figures,
    target: withTarget ? target : null,
  });
  const count = (label: string): TallyFigure => ({ kind: 'count', label });

  if (/safe place/.test(both) && !/training|champion/.test(m)) {
    if (/visit/.test(m)) return rule('safe-place-visit', null, [count('visits')]);
    if (/towns?\b/.test(m) && !/each/.test(m))
      return rule('place-joined', { field: 'scheme', in: ['safe-place'] }, [{ kind: 'distinct', field: 'town', label: 'towns' }]);
    if (/sign|places|venue|scheme/.test(m)) return rule('place-joined', { field: 'scheme', in: ['safe-place'] }, [count('places signed up')]);
  }
  if (/reporting centre/.test(m))
    return rule('place-joined', { field: 'scheme', in: ['hate-crime-reporting-centre'] }, [
      count('centres'),
      { kind: 'distinct', field: 'town', label: 'towns' },
    ]);
  if (/hotel watch/.test(m) && /member|signed/.test(m)) return rule('place-joined', { field: 'scheme', in: ['hotel-watch'] }, [count('hotels')]);

  if (/training|trained|champion/.test(m)) {
    const topic = trainingTopic(m) ?? trainingTopic(actionText.toLowerCase());
    return rule('training-session', topic ? { field: 'topic', in: [topic] } : null, [
      count('sessions'),
      { kind: 'sum', field: 'attendees', label: 'attendees' },
    ]);
  }
  if (/test purchase|enforcement operation|operations? (?:held|conducted)/.test(m)) {
    const operation = /hotel/.test(both)
      ? 'hotel-test-purchase'
      : /rural|landowner|farm/.test(both)
        ? 'rural-crime-operation'
        : /alcohol|cap\b/.test(both)
          ? 'alcohol-test-purchase'
          : null;
    return rule('enforcement-operation', operation ? { field: 'operation', in: [operation] } : null, [count('operations')]);
  }

  const sanction = sanctionOf(m);
  if (sanction) return rule('asb-sanction', { field: 'sanction', in: sanction }, [count('issued')]);

  if (/community trigger/.test(m)) return rule('referral', { field: 'referralKind', in: ['community-trigger'] }, [count('requests')]);
  if (/guardcam/.test(m)) return rule('referral', { field: 'referralKind', in: ['guardcam'] }, [count('installed')]);
  if (/sanctuary/.test(both) && /cost|spend|referred|cases/.test(m) && !/service provider/.test(m)) {
    return rule('referral', { field: 'referralKind', in: ['sanctuary-works'] }, [count('cases'), { kind: 'sum', field: 'cost', label: 'total spend' }]);
  }
  if (/timescale|days? (?:from|to)/.test(m))
    return rule('referral', null, [count('cases'), { kind: 'sum', field: 'daysToComplete', label: 'days in total' }], false);
  if (/small repairs?/.test(m))
    return rule('referral', { field: 'referralKind', in: ['burglary-repair'] }, [count('repairs'), { kind: 'sum', field: 'cost', label: 'total cost' }]);
  if (/referr/.test(m) && /concern card/.test(both)) return rule('referral', { field: 'referralKind', in: ['concern-card'] }, [count('referrals')]);
  if (/referred to service provider/.test(m)) return rule('referral', { field: 'referralKind', in: ['service-provider'] }, [count('referrals')]);

  const eventKind = eventKindOf(m);
  if (eventKind) {
    const figures: TallyFigure[] = [count(eventKind.label)];
    if (/attendee|audience|reach|people/.test(m)) figures.push({ kind: 'sum', field: 'reach', label: 'people reached' });
    return rule('engagement-event', { field: 'eventKind', in: eventKind.values }, figures);
  }

  if (/meeting|panel|agenda item|attendance/.test(m)) {
    const meeting = /jtm|joint tasking/.test(both)
      ? 'jtm'
      : /channel/.test(both)
        ? 'channel-panel'
        : /service provider/.test(m)
          ? 'service-providers'
          : /nightsafe/.test(m)
            ? 'nightsafe'
            : null;
    return rule(
      'meeting',
      meeting ? { field: 'meeting', in: [meeting] } : null,
      [count('meetings'), { kind: 'sum', field: 'actionsAgreed', label: 'actions agreed' }],
      false,
    );
  }
  if (/protocol|procedure|agreed|adopted|approved|launch|implement|action plan|develop|introduc|established/.test(m)) {
    return rule('milestone', null, [{ kind: 'latest', field: 'stage', label: 'stage' }], false);
  }
  const numberOf = /^(?:the\s+)?number (?:and \w+ )?of\s+(.+)$/.exec(measureText.trim().toLowerCase());
  if (numberOf?.[1]) return rule('activity', null, [{ kind: 'sum', field: 'quantity', label: unitPhrase(numberOf[1]) }]);
  return rule('activity', null, [count('outcomes')]);
}

const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  twelve: 12,
  twenty: 20,
};

/** "two workshops piloted" → 2; "12 sessions" → 12; anything else → null. */
function leadingNumber(text: string): number | null {
  const first = /^\s*(?:a minimum of |at least )?(\d{1,6}|[a-z]+)\b/.exec(text)?.[1];
  if (!first) return null;
  if (/^\d+$/.test(first)) return Number(first) || null;
  return NUMBER_WORDS[first] ?? null;
}

function trainingTopic(text: string): string | null {
  const topics: [RegExp, string][] = [
    [/safe place|champion/, 'safe-places-champions'],
    [/modern slavery/, 'modern-slavery'],
    [/hate crime/, 'hate-crime'],
    [/concern card/, 'concern-cards'],
    [/hotel watch/, 'hotel-watch'],
    [/prevent|wrap/, 'prevent'],
    [/internet safety|online/, 'internet-safety'],
    [/cyber|fraud/, 'cybercrime'],
    [/domestic abuse/, 'domestic-abuse'],
    [/exploitation|cse\b/, 'child-exploitation'],
  ];
  return topics.find(([re]) => re.test(text))?.[1] ?? null;
}

function sanctionOf(text: string): string[] | null {
  if (/breach/.test(text) && /cpn|community protection/.test(text)) return ['cpn-breach'];
  if (/cpn\)? warnings?|community protection warning|\bcpw/.test(text)) return ['cpw'];
  if (/\bcpns?\b|community protection notice/.test(text)) return ['cpn'];
  if (/fixed penalty|\bfpns?\b/.test(text)) return ['fpn'];
  const service = [/tenancy caution/.test(text) && 'tenancy-caution', /acceptable behaviour|\babcs?\b/.test(text) && 'abc'].filter((s): s is string =>
    Boolean(s),
  );
  return service.length > 0 ? service : null;
}

function eventKindOf(text: string): { values: string[]; label: string } | null {
  if (/workshop/.test(text)) return { values: ['workshop'], label: 'workshops' };
  if (/production|theatre|play\b/.test(text)) return { values: ['theatre-production'], label: 'productions' };
  if (/diversionary|project/.test(text)) return { values: ['diversionary-project'], label: 'projects' };
  if (/campaign/.test(text)) return { values: ['campaign'], label: 'campaigns' };
  if (/initiative/.test(text)) return { values: ['crime-prevention-initiative', 'awareness-event', 'campaign'], label: 'initiatives' };
  if (/awareness|\bevents?\b|promot/.test(text)) return { values: ['awareness-event', 'campaign'], label: 'events' };
  return null;
}

/** Keep the head of the phrase: "CPN warnings issued, location and outcome" → "CPN warnings issued". */
function unitPhrase(phrase: string): string {
  const head = (phrase.split(/,|;| - /)[0] ?? phrase).trim() || phrase;
  // Short enough to sit beside a number in a table: whole words, at most 40 characters.
  if (head.length <= 40) return head;
  const cut = head.slice(0, 41).replace(/\s+\S*$/, '');
  return cut || head.slice(0, 40);
}

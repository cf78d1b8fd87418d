import { cleanLine } from './text';
import { stripBullet } from './measures-split';

/**
 * Several lead agencies in one cell. ";" and line breaks always separate them (the sample format).
 * Only when neither is used is the cell read as a list at "/" and ", ", as people type "TVP/District
 * Council" or "TVP, Soha". Never inside brackets: "(ASB Co-ordinator; JTM)" qualifies one agency.
 * Never at "and" or "&": they join the words of one name ("South and Vale", "Fire & Rescue",
 * "Licensing and Community Safety Service Manager"), and splitting there would invent agencies.
 */
export interface SplitAgencies {
  agencies: string[];
  /** Split at "/" or ",": a guess the coordinator should see. */
  guessed: boolean;
}

export function splitLeadAgencies(cell: string): SplitAgencies {
  const explicit = /[;\r\n]/.test(cell);
  const parts = explicit ? splitOutsideBrackets(cell, /^(?:;|\r\n|\r|\n)/) : splitOutsideBrackets(cell, /^(?:\s*\/\s*(?!or\b)|,\s+)/i);
  const seen = new Set<string>();
  const agencies: string[] = [];
  for (const part of parts) {
    const agency = stripBullet(cleanLine(part)).replace(/,+$/, '');
    const key = agency.toLowerCase();
    if (!agency || seen.has(key)) continue;
    seen.add(key);
    agencies.push(agency);
  }
  return { agencies, guessed: !explicit && agencies.length > 1 };
}

/** Splits where `separator` matches at a position outside any brackets. */
function splitOutsideBrackets(text: string, separator: RegExp): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '(' || ch === '[') depth++;
    else if ((ch === ')' || ch === ']') && depth > 0) depth--;
    if (depth > 0) continue;
    const match = separator.exec(text.slice(i, i + 8));
    // "/" splits only between words: "24/7" stays whole, and the separator itself refuses "and/or".
    if (match && (match[0].trim() !== '/' || (/\p{L}/u.test(text[i - 1] ?? '') && /\p{L}/u.test(text[i + match[0].length] ?? '')))) {
      parts.push(text.slice(start, i));
      i += match[0].length - 1;
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/** The message the action page shows once the log form has saved. */
export const SAVED_ON_PHONE = 'Outcome saved on this phone. It syncs by itself when there is signal.';

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The outcome form as an officer works it, by what each question says (labels, legends, roles),
 * never by ids or classes. Every method waits as Playwright does: no fixed sleeps.
 */
export function outcomeForm(page: Page) {
  const group = (question: string) => page.getByRole('group', { name: question, exact: true });
  return {
    /** "What are you logging?": each option's name is the type's label followed by its hint. */
    chooseType: (label: string) =>
      group('What are you logging?')
        .getByRole('radio', { name: new RegExp(`^${escapeRegExp(label)}`) })
        .check(),
    /** A question answered with radios (a choice of up to seven options, or yes/no). */
    radio: (question: string, answer: string) => group(question).getByRole('radio', { name: answer, exact: true }).check(),
    /** A question answered from a native picker (a choice of more than seven options). */
    select: (question: string, answer: string) => page.getByRole('combobox', { name: question, exact: true }).selectOption({ label: answer }),
    /** A count's stepper, typed into (its label carries " (optional)" when it is optional). */
    count: (label: string, n: number) => page.getByRole('textbox', { name: label, exact: true }).fill(String(n)),
    text: (label: string, value: string) => page.getByRole('textbox', { name: label, exact: true }).fill(value),
    town: (town: string) => group('Which area?').getByRole('radio', { name: town, exact: true }).check(),
    notes: (notes: string) => page.getByLabel('Notes (optional)').fill(notes),
    /**
     * A question that only one answer can satisfy on this action is shown with that answer, not
     * asked ("Topic Hate crime"); so is the type when the action counts one ("Logging Milestone reached").
     */
    fixedAnswer: (question: string, answer: string) => page.getByText(new RegExp(`^${escapeRegExp(question.replace(/\?$/, ''))}\\s+${escapeRegExp(answer)}$`)),
    async save() {
      await page.getByRole('button', { name: 'Save outcome' }).click();
      await expect(page.getByRole('status').filter({ hasText: SAVED_ON_PHONE })).toBeVisible();
    },
  };
}

/**
 * The link to an action itself in a list of actions ("My actions", the plan, search results), not
 * a "Log again" shortcut straight to its form.
 */
export const actionLink = (page: Page, ref: string) =>
  page.getByRole('link', { name: new RegExp(`Ref ${ref}\\b`) }).and(page.locator('a[href^="/actions/"]:not([href*="/log"])'));

/** Opens an action's page (not its form) from the list on screen. */
export async function openAction(page: Page, ref: string): Promise<void> {
  await actionLink(page, ref).click();
  await expect(page.getByRole('heading', { name: `Ref ${ref}`, exact: true })).toBeVisible();
}

/** Opens an action from the list on screen and its log form. */
export async function openLogForm(page: Page, ref: string): Promise<void> {
  await openAction(page, ref);
  await page.getByRole('link', { name: 'Log an outcome' }).click();
  await expect(page.getByRole('heading', { name: 'Log an outcome' })).toBeVisible();
}

/** The draft the phone keeps of an action's log form, as IndexedDB holds it (undefined when there is none). */
export async function keptDraft(page: Page, actionId: string): Promise<Record<string, unknown> | undefined> {
  return page.evaluate(async (key) => {
    const userId = (JSON.parse(localStorage.getItem('fieldbook.user.v1')!) as { id: string }).id;
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open(`fieldbook-user-${userId}`);
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(new Error(String(open.error)));
    });
    try {
      return await new Promise<Record<string, unknown> | undefined>((resolve, reject) => {
        const get = db.transaction('drafts').objectStore('drafts').get(key);
        get.onsuccess = () => resolve((get.result as { values: Record<string, unknown> } | undefined)?.values);
        get.onerror = () => reject(new Error(String(get.error)));
      });
    } finally {
      db.close();
    }
  }, `log:${actionId}`);
}

/** A Hotel Watch training session on ref 19, the commonest thing the existing specs log. */
export async function logHotelWatchTraining(page: Page, { attendees, town, notes }: { attendees: number; town: string; notes: string }): Promise<void> {
  const form = outcomeForm(page);
  await form.chooseType('Training session');
  await expect(form.fixedAnswer('Topic', 'Hotel Watch')).toBeVisible();
  await form.select('Who was it for?', 'Hotels and B&Bs');
  await form.count('Number of attendees', attendees);
  await form.radio('How was it delivered?', 'Face to face');
  await form.town(town);
  await form.notes(notes);
  await form.save();
}

/** A Safe Places champions training session on ref 3 (its topic is fixed by the action). */
export async function logChampionsTraining(page: Page, { attendees, town, notes }: { attendees: number; town: string; notes: string }): Promise<void> {
  const form = outcomeForm(page);
  await form.chooseType('Training session');
  await expect(form.fixedAnswer('Topic', 'Safe Places champions')).toBeVisible();
  await form.select('Who was it for?', 'Shops and businesses');
  await form.count('Number of attendees', attendees);
  await form.radio('How was it delivered?', 'Face to face');
  await form.town(town);
  await form.notes(notes);
  await form.save();
}

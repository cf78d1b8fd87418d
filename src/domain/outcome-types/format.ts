/** Whole pence as people write money: 125050 → "£1,250.50", 10000 → "£100". No zod here: lists and tallies use it on the first screen. */
export function formatPence(pence: number): string {
  return `£${(pence / 100).toLocaleString('en-GB', { minimumFractionDigits: pence % 100 === 0 ? 0 : 2, maximumFractionDigits: 2 })}`;
}

/**
 * Refs of related actions as plans write them: "8;11;12", "3, 4 and 5", "ref 3", "refs 3 and 4",
 * "cross referenced with ref no. 5". The words around the refs are dropped; what is left are refs.
 */
const FILLER = new Set([
  'see',
  'also',
  'cross',
  'referenced',
  'cross-referenced',
  'with',
  'ref',
  'refs',
  'reference',
  'references',
  'no',
  'nos',
  'number',
  'numbers',
  'and',
  'action',
  'actions',
]);

export function splitSeeAlso(cell: string): string[] {
  const refs: string[] = [];
  for (const token of cell.split(/[\s;,&]+/)) {
    const ref = token.replace(/^[(#]+|[).:]+$/g, '');
    if (ref && !FILLER.has(ref.toLowerCase()) && !refs.includes(ref)) refs.push(ref);
  }
  return refs;
}

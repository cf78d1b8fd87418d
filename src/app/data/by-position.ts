/** Plan items in the order the published plan gives them. */
export const byPosition = <T extends { position: number }>(a: T, b: T) => a.position - b.position;

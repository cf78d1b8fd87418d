import * as z from 'zod/mini';

/**
 * The one way Fieldbook imports zod. zod/mini keeps the same core as classic zod with a
 * tree-shakable API: the schemas cost the phone about a third of what classic zod would
 * (docs/decisions/0006-first-load-budget.md).
 *
 * Mini ships without default messages. Every message a person sees on the phone is written
 * into the schema itself; the server installs zod's English messages for the rest
 * (src/server/zod-messages.ts), so a 400 always says what is wrong.
 */
export { z };

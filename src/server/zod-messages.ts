import { z } from '../domain/zod';

// Import for effect, before any schema runs: zod's English messages for the server's 400 answers
// and configuration errors. The phone skips them (see domain/zod.ts): its messages are written
// into the schemas, and the ~2 KB stay off its first load.
z.config(z.locales.en());

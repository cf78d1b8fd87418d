// Dexie's liveQuery only runs its querier when a global indexedDB exists (dexie/Dexie.js#2046);
// each test device still opens its own fake-indexeddb factory (test/support/fake-db.ts).
import 'fake-indexeddb/auto';
import { afterEach } from 'vitest';
import { cleanup, configure } from '@testing-library/react';

// findBy… and waitFor wait 5 s, not Testing Library's default 1 s: a screen's data comes through
// Dexie's liveQuery over fake-indexeddb, which answers in well under a second alone but can take
// several on the shared 2-core machine under load. Within the 30 s a test may take (vitest.config.ts).
configure({ asyncUtilTimeout: 5_000 });

afterEach(() => cleanup());

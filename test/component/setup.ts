// Dexie's liveQuery only runs its querier when a global indexedDB exists (dexie/Dexie.js#2046);
// each test device still opens its own fake-indexeddb factory (test/support/fake-db.ts).
import 'fake-indexeddb/auto';
import { afterEach } from 'vitest';
import { cleanup } from '@testing-library/react';

afterEach(() => cleanup());

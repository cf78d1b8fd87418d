import { describe, expect, it } from 'vitest';
import { backgroundSyncTag, syncLockName, userOfBackgroundSyncTag } from '../../../src/domain/background-sync';

describe('the names pages and the service worker share', () => {
  // Written out: an installed service worker of the previous release must still recognise what a new page registers.
  it('keeps the names earlier releases used', () => {
    expect(backgroundSyncTag('u-1')).toBe('fieldbook-outbox:u-1');
    expect(syncLockName('u-1')).toBe('fieldbook-sync-u-1');
  });

  it('reads the user back from a tag, and nothing from a tag that is not Fieldbook’s', () => {
    expect(userOfBackgroundSyncTag(backgroundSyncTag('u-1'))).toBe('u-1');
    expect(userOfBackgroundSyncTag('workbox-background-sync:queue')).toBeNull();
    expect(userOfBackgroundSyncTag('fieldbook-sync-u-1')).toBeNull();
  });
});

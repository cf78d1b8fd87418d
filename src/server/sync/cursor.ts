import { createHash } from 'node:crypto';
import { z } from '../../domain/zod';

/**
 * The pull cursor the device stores and sends back unchanged. It records how far the device has
 * read (a version) and what it was entitled to see when it read it (its partnerships and roles).
 * If those change, old records may now be visible or their redaction may differ, so the server
 * starts the device again from nothing rather than continue from a cursor that no longer fits.
 */
// 2: areas and organisations became pulled records and outcomes gained areaId (0013-partnership-lists),
// with versions from before they existed: every phone starts again from nothing to receive them.
const PROTOCOL = 2;

const CursorBody = z.object({ p: z.literal(PROTOCOL), v: z.int().check(z.minimum(0)), s: z.string() });

export interface Cursor {
  version: number;
  scope: string;
}

export function scopeOf(memberships: readonly { partnershipId: string; role: string }[]): string {
  const key = memberships
    .map((m) => `${m.partnershipId}:${m.role}`)
    .sort()
    .join(',');
  return createHash('sha256').update(key).digest('base64url').slice(0, 22);
}

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify({ p: PROTOCOL, v: c.version, s: c.scope })).toString('base64url');
}

/** undefined when the cursor is absent, malformed or from another protocol version. */
export function decodeCursor(raw: string | undefined): Cursor | undefined {
  if (!raw) return undefined;
  try {
    const body = CursorBody.safeParse(JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')));
    return body.success ? { version: body.data.v, scope: body.data.s } : undefined;
  } catch {
    return undefined;
  }
}

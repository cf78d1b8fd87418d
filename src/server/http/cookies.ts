/** Reads one cookie from a Cookie header. Values are base64url tokens, so no decoding is needed. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

export interface SessionCookieOptions {
  name: string;
  secure: boolean;
}

/**
 * HttpOnly so page scripts (and anything injected into them) cannot read it; SameSite=Strict so
 * other sites cannot make the browser send it; Path=/ and no Domain, as the __Host- prefix requires.
 */
export function sessionCookie(opts: SessionCookieOptions, token: string, maxAgeSeconds: number): string {
  const parts = [`${opts.name}=${token}`, 'Path=/', 'HttpOnly', 'SameSite=Strict', `Max-Age=${maxAgeSeconds}`];
  if (opts.secure) parts.push('Secure');
  return parts.join('; ');
}

export function clearedSessionCookie(opts: SessionCookieOptions): string {
  return sessionCookie(opts, '', 0);
}

/** Lasts as long as browsers allow (400 days): it must outlive evicted site storage. */
const DEVICE_COOKIE_MAX_AGE = 400 * 24 * 3600;

export function deviceCookieName(secure: boolean): string {
  return secure ? '__Host-fieldbook_device' : 'fieldbook_device';
}

/** Names the device this browser last synced as (see domain/sync/device-check.ts). */
export function deviceCookie(secure: boolean, deviceId: string): string {
  return sessionCookie({ name: deviceCookieName(secure), secure }, deviceId, DEVICE_COOKIE_MAX_AGE);
}

export function clearedDeviceCookie(secure: boolean): string {
  return clearedSessionCookie({ name: deviceCookieName(secure), secure });
}

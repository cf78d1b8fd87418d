import { z } from './zod';
import { Id, isSafeText } from './primitives';

/**
 * A person's role in one partnership (they may hold a different one in another). An administrator
 * is a coordinator who may also grant and take away the administrator role; a viewer reads the
 * plan, progress and reports and changes nothing (roles.ts).
 */
export const Role = z.enum(['viewer', 'officer', 'coordinator', 'admin']);
export type Role = z.infer<typeof Role>;

export const Membership = z.object({
  partnershipId: Id,
  partnershipName: z.string(),
  role: Role,
  jobTitle: z.string(),
});
export type Membership = z.infer<typeof Membership>;

/** Who is signed in, as the server tells the device. */
export const SessionUser = z.object({
  id: Id,
  email: z.string(),
  name: z.string(),
  memberships: z.array(Membership),
  /**
   * Signed in with a temporary password a coordinator was given: the app asks for a new one
   * before anything else, and the server refuses everything else until then. Optional so that a
   * user remembered on the device by an earlier release still reads as a SessionUser.
   */
  mustChangePassword: z.optional(z.boolean()),
});
export type SessionUser = z.infer<typeof SessionUser>;

export const EMAIL_MAX = 254;
/** NIST SP 800-63B and ASVS: at least 12 characters, at least 64 allowed, no composition rules. */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

const safe = z.refine<string>(isSafeText, 'Must not contain NUL characters or broken Unicode');

export const SignInRequest = z.strictObject({
  email: z.string().check(z.trim(), z.minLength(1, 'Enter your email address'), z.maxLength(EMAIL_MAX), safe),
  password: z.string().check(z.minLength(1, 'Enter your password'), z.maxLength(PASSWORD_MAX), safe),
});
export type SignInRequest = z.infer<typeof SignInRequest>;

export const SignInResponse = z.object({ user: SessionUser });
export type SignInResponse = z.infer<typeof SignInResponse>;

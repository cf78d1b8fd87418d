import { z } from './zod';
import { Id } from './primitives';
import { PASSWORD_MAX, Role } from './user';

export const ChangePasswordRequest = z.strictObject({
  currentPassword: z.string().check(z.minLength(1, 'Enter your current password'), z.maxLength(PASSWORD_MAX)),
  newPassword: z.string().check(z.minLength(1, 'Enter a new password'), z.maxLength(PASSWORD_MAX, `Use ${PASSWORD_MAX} characters or fewer`)),
});
export type ChangePasswordRequest = z.infer<typeof ChangePasswordRequest>;

/** A member of a partnership as its coordinators see them. */
export const Member = z.object({
  id: Id,
  name: z.string(),
  email: z.string(),
  role: Role,
  jobTitle: z.string(),
  active: z.boolean(),
});
export type Member = z.infer<typeof Member>;

export const MembersResponse = z.object({ members: z.array(Member) });
export type MembersResponse = z.infer<typeof MembersResponse>;

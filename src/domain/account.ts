import { z } from './zod';
import { Id, isSafeText } from './primitives';
import { EMAIL_MAX, PASSWORD_MAX, Role } from './user';

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

/*
 * Coordinators manage their partnership's members (src/server/routes/member-routes.ts,
 * docs/decisions/0020-members-and-roles.md). Messages are written for the coordinator's form.
 */

export const NAME_MAX = 100;
export const JOB_TITLE_MAX = 100;

const safe = z.refine<string>(isSafeText, 'Must not contain NUL characters or broken Unicode');
const JobTitle = z.string().check(z.trim(), z.maxLength(JOB_TITLE_MAX, `Use ${JOB_TITLE_MAX} characters or fewer`), safe);
const ChosenRole = z.enum(Role.options, { error: 'Choose a role' });

export const AddMemberRequest = z.strictObject({
  email: z
    .string()
    .check(
      z.trim(),
      z.toLowerCase(),
      z.minLength(1, { error: 'Enter their email address', abort: true }),
      z.maxLength(EMAIL_MAX, `Use ${EMAIL_MAX} characters or fewer`),
      z.regex(/^[^@\s]+@[^@\s]+\.[^@\s]+$/, 'Enter an email address in the correct format, like name@example.org'),
      safe,
    ),
  /** Used only when no one has this email yet: an existing user keeps their own name. */
  name: z.string().check(z.trim(), z.minLength(1, 'Enter their full name'), z.maxLength(NAME_MAX, `Use ${NAME_MAX} characters or fewer`), safe),
  jobTitle: JobTitle,
  role: ChosenRole,
});
export type AddMemberRequest = z.infer<typeof AddMemberRequest>;

export const AddMemberResponse = z.object({
  member: Member,
  /** true: the email already had an account, which now belongs to this partnership too (its name and password unchanged). */
  existingUser: z.boolean(),
  /**
   * Only for a new account, and only in this one answer: the server keeps just its hash. The
   * coordinator passes it on; it opens nothing but the change-password screen.
   */
  temporaryPassword: z.nullable(z.string()),
  /** What happened, in words for the coordinator. */
  message: z.string(),
});
export type AddMemberResponse = z.infer<typeof AddMemberResponse>;

/** A change to someone's membership of one partnership. */
export const ChangeMemberRequest = z.strictObject({
  role: ChosenRole,
  jobTitle: z.optional(JobTitle),
});
export type ChangeMemberRequest = z.infer<typeof ChangeMemberRequest>;

export const MemberResponse = z.object({ member: Member });
export type MemberResponse = z.infer<typeof MemberResponse>;

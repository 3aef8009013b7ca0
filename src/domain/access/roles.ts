/**
 * The roles of Lianxi. System roles are the three separated administrators (三员); body roles are per body.
 * Pure constants and types, so that repositories and contracts can name roles without importing
 * the policy layer (src/policy/roles.ts re-exports them for the policy's own code).
 */

export const SYSTEM_ROLES = ['system_admin', 'security_admin', 'audit_admin'] as const;
export type SystemRole = (typeof SYSTEM_ROLES)[number];

export const SYSTEM_ROLE_LABELS: Record<SystemRole, string> = {
  system_admin: '系统管理员',
  security_admin: '安全管理员',
  audit_admin: '安全审计员',
};

/**
 * Body-scoped roles. `office_staff` and `viewer` are granted to an account directly
 * (account_body_grants); convener, deputy convener, member and liaison come from memberships,
 * resolved by the bodies part through a BodyRoleResolver.
 */
export const BODY_ROLES = ['office_staff', 'convener', 'deputy_convener', 'member', 'liaison', 'viewer'] as const;
export type BodyRole = (typeof BODY_ROLES)[number];

/** Body roles an account can be granted directly (the others come from memberships). */
export const GRANTABLE_BODY_ROLES = ['office_staff', 'viewer'] as const;
export type GrantableBodyRole = (typeof GRANTABLE_BODY_ROLES)[number];

export const BODY_ROLE_LABELS: Record<BodyRole, string> = {
  office_staff: '办公室工作人员',
  convener: '召集人',
  deputy_convener: '副召集人',
  member: '成员',
  liaison: '联络员',
  viewer: '只读查看',
};

/** One role an account holds in one body; member and liaison hold it for one member unit. */
export interface BodyRoleGrant {
  role: BodyRole;
  /** The member unit a member or liaison represents; null for body-wide roles. */
  unitId: string | null;
}

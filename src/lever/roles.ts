// Lever access roles (a user's `accessRole`) and what they may do that the relay relies on. Interviewers
// see only what they interview; creating a candidate needs a team member's role or more.

export const ROLES_THAT_MAY_CREATE_OPPORTUNITIES: readonly string[] = ['super admin', 'admin', 'team member', 'limited team member'];

export function mayCreateOpportunities(accessRole: string | undefined): boolean {
  return accessRole !== undefined && ROLES_THAT_MAY_CREATE_OPPORTUNITIES.includes(accessRole.trim().toLowerCase());
}

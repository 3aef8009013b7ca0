/** The reader's roles in a body (from the body's detail), to show the actions those roles may try. */
import { useQuery } from '@tanstack/react-query';
import { getBody } from '../bodies/bodies-api.ts';

export interface BodyRoles {
  office: boolean;
  convener: boolean;
  deputy: boolean;
  /** Member units the reader is liaison or member for */
  unitIds: string[];
  loaded: boolean;
}

export function useBodyRoles(bodyId: string): BodyRoles {
  const body = useQuery({ queryKey: ['body', bodyId], queryFn: () => getBody(bodyId) });
  const roles = body.data?.myRoles ?? [];
  return {
    office: roles.some((role) => role.role === 'office_staff'),
    convener: roles.some((role) => role.role === 'convener'),
    deputy: roles.some((role) => role.role === 'deputy_convener'),
    unitIds: [...new Set(roles.filter((role) => role.role === 'liaison' || role.role === 'member').flatMap((role) => (role.unitId === null ? [] : [role.unitId])))],
    loaded: body.data !== undefined,
  };
}

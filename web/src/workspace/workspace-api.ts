/** Calls the workspace makes: the signed-in person's memberships. */
import { api, unwrap } from '../api/client.ts';

type Result<F extends (...args: never[]) => Promise<unknown>> = Awaited<ReturnType<F>>;

export type PersonDetail = Result<typeof getPerson>;
export type PersonMembership = PersonDetail['memberships'][number];

export const getPerson = (personId: string) => unwrap(api.GET('/api/people/{personId}', { params: { path: { personId } } }));

/** Whether a membership holds on `today` (periods are [validFrom, validTo)). */
export function holdsOn(membership: { validFrom: string; validTo: string | null }, today: string): boolean {
  return membership.validFrom <= today && (membership.validTo === null || membership.validTo > today);
}

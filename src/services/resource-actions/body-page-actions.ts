/**
 * The body-level actions of the body page (issue 15): dissolve, publish a new charter version,
 * create a meeting, draw up the meeting notice in the body's own name (not for a body that issues
 * no formal documents, 不正式行文), the ledger download, a circular — each by its route's policy
 * action and the refusals its service applies (a dissolved body changes nothing).
 */
import type { DbOrTx } from '../../db/database.ts';
import { bodyResource } from '../../policy/policy.ts';
import type { Actor } from '../../policy/policy.ts';
import { formalDocumentRefusal } from '../meetings/meeting-notice.ts';
import { activeBodyRefusal, loadReader, policyRefusal, verdict } from './action-verdicts.ts';
import type { ResourceAction } from './action-verdicts.ts';

/** The actions the reader may take on the body as a whole (the charter loaded once). */
export async function bodyPageActions(db: DbOrTx, options: { actor: Actor | null; bodyId: string; now: Date }): Promise<ResourceAction[]> {
  const { actor, body: row, charter } = await loadReader(db, options);
  const body = bodyResource(options.bodyId);
  const active = activeBodyRefusal(row);
  return Promise.all([
    verdict('body.dissolve', () => policyRefusal(actor, 'body.dissolve', body), active),
    verdict('body.publish', () => policyRefusal(actor, 'body.publish', body)),
    verdict('meeting.create', () => policyRefusal(actor, 'meeting.manage', body), active),
    verdict('meeting.download_notice', () => policyRefusal(actor, 'document.notice', body), formalDocumentRefusal(charter, 'notice')),
    verdict('circular.create', () => policyRefusal(actor, 'circular.create', body), active),
    verdict('circular.download', () => policyRefusal(actor, 'document.circular', body), formalDocumentRefusal(charter, 'circular')),
    verdict('decision.download_ledger', () => policyRefusal(actor, 'document.ledger', body)),
  ]);
}

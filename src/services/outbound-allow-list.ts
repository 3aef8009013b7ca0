/**
 * The outbound allow-list (system administrator): host names and address ranges inside the network
 * that webhooks and SMTP may nevertheless reach (e.g. an internal receiver `10.20.0.0/16`, or
 * `127.0.0.1` for a relay on the same machine). Stored in `settings` under `platform.outbound`,
 * every change audited. Without an entry, targets inside the network are refused
 * (src/adapters/outbound-target.ts).
 */
import { z } from 'zod';
import type { Database, DbOrTx } from '../db/database.ts';
import { outboundPolicyOf } from '../adapters/outbound-target.ts';
import { parseAddressRange } from '../domain/network/ip-address.ts';
import { AppError } from '../errors/app-error.ts';
import type { OutboundPolicy } from '../adapters/outbound-target.ts';
import { readSetting, writeSetting } from '../repositories/settings-repository.ts';
import { recordAudit } from './audit-service.ts';
import type { AuditOrigin } from './audit-service.ts';

export const OUTBOUND_SETTINGS_KEY = 'platform.outbound';

const HOST_NAME = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;

export const outboundAllowListSchema = z.object({
  /** Host names (`hooks.example.gov.cn`) or ranges (`10.20.0.0/16`, `fd00::/8`, `127.0.0.1`) */
  allowed: z.array(z.string()).max(200),
});

export type OutboundAllowList = z.infer<typeof outboundAllowListSchema>;

/** The allow-list in force (empty when none was set). */
export async function getOutboundAllowList(db: DbOrTx): Promise<OutboundAllowList> {
  const stored = outboundAllowListSchema.safeParse(await readSetting(db, OUTBOUND_SETTINGS_KEY));
  return stored.success ? stored.data : { allowed: [] };
}

/** The allow-list as a policy for the outbound checks. */
export async function loadOutboundPolicy(db: DbOrTx): Promise<OutboundPolicy> {
  return outboundPolicyOf((await getOutboundAllowList(db)).allowed);
}

/** Replaces the allow-list (system administrator); entries are trimmed, lower-cased and deduplicated; audited. */
export async function updateOutboundAllowList(db: Database, options: { allowed: readonly string[]; origin: AuditOrigin }): Promise<OutboundAllowList> {
  const allowed = [...new Set(options.allowed.map((entry) => entry.trim().toLowerCase()).filter((entry) => entry !== ''))];
  options.allowed.forEach((raw, index) => {
    const entry = raw.trim().toLowerCase();
    if (entry === '' || parseAddressRange(entry) !== null || HOST_NAME.test(entry)) return;
    throw new AppError('invalid_allow_list_entry', `白名单第 ${index + 1} 项“${entry.slice(0, 100)}”既不是主机名，也不是地址或地址段（如 10.20.0.0/16）`, {
      field: `allowed.${index}`,
    });
  });
  return db.transaction(async (tx) => {
    const before = await getOutboundAllowList(tx);
    const after: OutboundAllowList = { allowed };
    await writeSetting(tx, OUTBOUND_SETTINGS_KEY, after, options.origin.at, options.origin.actorId);
    await recordAudit(tx, {
      ...options.origin,
      at: options.origin.at,
      action: 'settings.outbound_allow_list',
      entityType: 'settings',
      entityId: OUTBOUND_SETTINGS_KEY,
      before,
      after,
    });
    return after;
  });
}

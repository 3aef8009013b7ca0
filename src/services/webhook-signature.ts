/**
 * Signing of the per-body webhook: `X-Lianxi-Signature: t=<unix seconds>,v1=<hex>` where the hex is
 * HMAC-SHA256 with the body's secret over `<t>.<raw JSON body>` (the timestamp guards against
 * replays). Receivers recompute it with `verifyWebhookSignature`.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const WEBHOOK_SIGNATURE_HEADER = 'x-lianxi-signature';

/** A new random webhook secret (shown to the office once when generated). */
export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString('base64url')}`;
}

function hmacHex(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex');
}

/** The signature header value for a body sent at `timestamp` (unix seconds). */
export function signWebhook(secret: string, body: string, timestamp: number): string {
  return `t=${timestamp},v1=${hmacHex(secret, timestamp, body)}`;
}

/**
 * Whether `header` is a valid signature of `body` with `secret`, made within `toleranceSeconds` of
 * `now` (unix seconds).
 */
export function verifyWebhookSignature(secret: string, body: string, header: string, now: number, toleranceSeconds = 300): boolean {
  const parts = new Map(header.split(',').map((part) => {
    const at = part.indexOf('=');
    return [part.slice(0, at).trim(), part.slice(at + 1).trim()] as const;
  }));
  const t = Number(parts.get('t'));
  const v1 = parts.get('v1');
  if (!Number.isInteger(t) || v1 === undefined || !/^[0-9a-f]{64}$/.test(v1)) return false;
  if (Math.abs(now - t) > toleranceSeconds) return false;
  return timingSafeEqual(Buffer.from(hmacHex(secret, t, body), 'hex'), Buffer.from(v1, 'hex'));
}

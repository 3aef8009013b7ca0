import { declareActions } from './action-rule.ts';

/** Every body role: anyone holding one of them is inside the body. */
const INSIDE_BODY = ['office_staff', 'convener', 'deputy_convener', 'member', 'liaison', 'viewer'] as const;

/**
 * Incoming documents (收文 / 批办 / 转办). Owned by the incoming-documents part.
 *
 * Everyone inside a body reads its incoming documents. The office registers them; the body
 * (its convener or deputy conveners) or its office assigns (批办) or forwards (转办) them — the
 * charters that state the handling deadline name both (协调小组或协调小组办公室批办、转办的公文).
 * The lead unit's liaison or member replies (办理结果) for its own unit only (the office may reply
 * on a unit's behalf); the office closes a document or sends a reply back.
 */
export const incomingDocumentActions = declareActions({
  'incoming_document.read': { description: '查看收文及办理情况', scope: 'body', bodyRoles: INSIDE_BODY },
  'incoming_document.register': { description: '登记收文', scope: 'body', bodyRoles: ['office_staff'] },
  'incoming_document.assign': { description: '批办、转办收文（定主办、协办单位和办理时限）', scope: 'body', bodyRoles: ['office_staff', 'convener', 'deputy_convener'] },
  'incoming_document.reply': {
    description: '报送收文办理结果（仅限本单位主办的收文）',
    scope: 'body',
    bodyRoles: ['office_staff'],
    unitBodyRoles: ['liaison', 'member'],
  },
  'incoming_document.close': { description: '收文办结、退回办理结果', scope: 'body', bodyRoles: ['office_staff'] },
});

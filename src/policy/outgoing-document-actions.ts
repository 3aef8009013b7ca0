import { declareActions } from './action-rule.ts';

const INSIDE_BODY = ['office_staff', 'convener', 'deputy_convener', 'member', 'liaison', 'viewer'] as const;
/** Everyone who may take a step of a signing chain: the charter's gate then decides who may take which. */
const ACTING = ['office_staff', 'convener', 'deputy_convener', 'member', 'liaison'] as const;

/**
 * Outgoing documents (发文), their signing chain and number registers, and bulletins (简报 / 专报).
 * The office drafts and compiles; a group's paper is drafted by the group (its leaders and units'
 * people); who reviews (审核) and signs (签发) is the charter's (src/domain/charter-gates/document-gates.ts).
 */
export const outgoingDocumentActions = declareActions({
  'outgoing_document.read': { description: '查看发文及其审核、签发情况', scope: 'body', bodyRoles: INSIDE_BODY },
  'outgoing_document.create': { description: '拟稿（以本机构、办公室名义或工作组的发文）', scope: 'body', bodyRoles: ACTING },
  'outgoing_document.submit': { description: '提交发文送审', scope: 'body', bodyRoles: ACTING },
  'outgoing_document.review': { description: '审核发文（按制度规定的审核人）', scope: 'body', bodyRoles: ACTING },
  'outgoing_document.sign': { description: '签发发文（按制度规定的签发人），编发文字号', scope: 'body', bodyRoles: ACTING },
  'document_register.read': { description: '查看发文登记（发文字号前缀和已编号数）', scope: 'body', bodyRoles: INSIDE_BODY },
  'document_register.manage': { description: '设置发文字号前缀', scope: 'body', bodyRoles: ['office_staff'] },
  'bulletin.read': { description: '查看简报、专报', scope: 'body', bodyRoles: INSIDE_BODY },
  'bulletin.compile': { description: '编辑简报、专报（采用的信息和办公室文章）', scope: 'body', bodyRoles: ['office_staff'] },
  'document.bulletin': { description: '下载简报、专报（DOCX / PDF）', scope: 'body', bodyRoles: INSIDE_BODY },
});

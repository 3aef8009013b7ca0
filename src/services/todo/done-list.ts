/**
 * 已办: the last things the person did, from the audit trail (actor = the account), each as an
 * action label, its object and the time. Labels are the to-do centre's own short Chinese names;
 * an action without one shows its code.
 */
import type { DbOrTx } from '../../db/database.ts';
import { listAuditRows } from '../../repositories/audit-repository.ts';
import type { DoneEntryDto } from '../../contracts/todo.ts';

const ACTION_NAMES: Record<string, string> = {
  'agenda.propose': '提出议题',
  'agenda.decide': '审批议题',
  'meeting.create': '创建会议',
  'meeting.schedule': '发出会议通知',
  'meeting.set_presider': '确定主持人',
  'meeting.delegate': '委托主持',
  'meeting.held': '标记会议已召开',
  'meeting.attendance': '登记出席情况',
  'meeting.propose_observer': '提出列席人员',
  'meeting.decide_observer': '审批列席人员',
  'material.attach': '上传会议材料',
  'material.circulate': '分发会议材料',
  'minutes.draft': '起草会议纪要',
  'minutes.edit': '修改会议纪要',
  'minutes.sign_off': '审定签发会议纪要',
  'minutes.issue': '印发会议纪要',
  'minutes.correction': '更正会议纪要',
  'decision.report_progress': '报送进展情况',
  'decision.report_completion': '报告办结',
  'decision.request_extension': '申请延期',
  'decision.close': '销号',
  'decision.send_back': '退回办结报告',
  'decision.hand_over': '移交督办事项',
  'circular.create': '印发通报',
  'membership.start': '登记任职',
  'membership.end': '登记免职',
  'membership.change': '登记人员更替',
  'membership_change.propose': '提出人员调整',
  'membership_change.confirm': '确认人员调整',
  'membership_change.reject': '退回人员调整',
  'outgoing_document.create': '拟稿',
  'outgoing_document.submit': '提交发文审核',
  'outgoing_document.review': '审核发文',
  'outgoing_document.sign': '签发发文',
  'bulletin.compile': '编辑简报',
  'bulletin.issue': '印发简报',
  'incoming_document.register': '登记收文',
  'incoming_document.reply': '办复收文',
  'incoming_document.send_back': '退回收文',
  'incoming_document.close': '办结收文',
  'info_report.create': '撰写工作信息',
  'info_report.submit': '报送工作信息',
  'annual_task.submit': '提交年度材料',
  'work_plan.draft': '起草年度工作要点',
  'work_plan.adopt': '审定年度工作要点',
  'group.correct': '修改工作组',
  'body.publish': '发布议事协调机构',
  'charter.reimport': '重新导入制度',
  'auth.sign_in': '登录',
  'auth.sign_out': '退出登录',
  'account.password_changed': '修改密码',
  'notification_address.update': '修改通知邮箱',
  'calendar_feed.create': '创建日历订阅',
  'calendar_feed.revoke': '撤销日历订阅',
};

const OBJECT_NAMES: Record<string, string> = {
  meeting: '会议',
  agenda_item: '议题',
  minutes: '会议纪要',
  decision: '督办事项',
  membership: '任职',
  membership_change: '人员调整',
  outgoing_document: '发文',
  incoming_document: '收文',
  info_report: '工作信息',
  circular: '通报',
  body: '议事协调机构',
  account: '账号',
  session: '会话',
};

/** The object's name as the row's own record gives it (title, text or name), else its kind. */
function objectNameOf(entityType: string, before: unknown, after: unknown): string {
  for (const record of [after, before]) {
    if (record === null || typeof record !== 'object') continue;
    const fields = record as Record<string, unknown>;
    for (const key of ['title', 'text', 'name', 'personName']) {
      const value = fields[key];
      if (typeof value === 'string' && value.trim() !== '') return value.length > 60 ? `${value.slice(0, 60)}…` : value;
    }
  }
  return OBJECT_NAMES[entityType] ?? entityType;
}

/** Rows that echo another row of the same step (the meeting's status beside its minutes' row): not listed. */
const ECHOES = new Set(['meeting.minutes_drafted', 'meeting.minutes_signed_off', 'meeting.minutes_issued']);

/** The account's last `limit` successful actions, newest first (one read). */
export async function listMyDone(db: DbOrTx, options: { accountId: string; limit: number }): Promise<DoneEntryDto[]> {
  const rows = await listAuditRows(db, { actorId: options.accountId, result: 'success' }, options.limit * 2);
  return rows.filter(({ row }) => !ECHOES.has(row.action)).slice(0, options.limit).map(({ row }) => ({
    seq: row.seq,
    action: row.action,
    actionName: ACTION_NAMES[row.action] ?? row.action,
    objectName: objectNameOf(row.entityType, row.before, row.after),
    at: row.occurredAt.toISOString(),
  }));
}

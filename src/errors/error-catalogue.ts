/**
 * The error catalogue: every error code of Lianxi, declared once, with its HTTP status and a Chinese
 * and an English message template. `AppError` takes only these codes (src/errors/app-error.ts), the
 * OpenAPI document lists them on the error responses (src/contracts/common.ts), and the web client
 * shows the templates when the server's own message is missing or the UI is in English
 * (web/src/api/app-error.ts).
 *
 * Pure data: imported by the server and by the web app alike, so it imports nothing.
 *
 * Templates may name a value of the error's `details` (or `field`) in braces, e.g. `{field}`; a
 * value that is absent leaves the braces out. The message given where an error is thrown stays
 * the specific Chinese message; the zh template here is its default.
 *
 * Adding a code: add one line here (sorted by code, one entry per line — the error codemod
 * rewrites this block), then throw `new AppError('the_code', '具体说明', { … })`.
 * test/domain/errors/error-catalogue.test.ts checks that every code here is used in src/ and that
 * every entry has a status and both templates.
 */

/** One catalogued error. */
export interface ErrorCatalogueEntry {
  /** HTTP status of the response (4xx or 5xx) */
  readonly status: number;
  /** Chinese message template, the default message */
  readonly zh: string;
  /** English message template */
  readonly en: string;
}

export const ERROR_CATALOGUE = {
  account_disabled: { status: 403, zh: '账号已停用，请联系安全管理员', en: 'The account is disabled; contact the security administrator' },
  account_locked: { status: 423, zh: '密码错误次数过多，账号已暂时锁定', en: 'Too many wrong passwords: the account is locked for a while' },
  account_not_found: { status: 404, zh: '账号不存在', en: 'The account does not exist' },
  account_not_pending: { status: 409, zh: '该账号无需激活', en: 'The account does not wait for activation' },
  account_pending_activation: { status: 403, zh: '管理员账号尚未激活：须由同一职责的管理员激活', en: 'The administrator account is not activated yet: an administrator of the same duty must activate it' },
  activation_forbidden: { status: 403, zh: '管理员账号须由同一职责的管理员激活（三员分立）', en: 'An administrator account is activated only by an administrator of the same duty (separation of duties)' },
  admin_password_reset_forbidden: { status: 403, zh: '不能为管理员账号设置密码：管理员的密码只能由本人修改', en: 'An administrator’s password cannot be set by another: only its holder changes it' },
  administrator_business_role: { status: 403, zh: '管理员账号不能担任机构内的业务角色（三员分立）', en: 'An administrator account holds no business role in a body (separation of duties)' },
  agenda_approval_not_allowed: { status: 403, zh: '无权审核议题', en: 'You may not approve agenda items' },
  agenda_item_already_decided: { status: 409, zh: '该议题已经审核', en: 'The agenda item has already been decided' },
  agenda_item_not_found: { status: 404, zh: '议题不存在', en: 'The agenda item does not exist' },
  agenda_item_rejected: { status: 409, zh: '该议题未列入议程，不能上传材料', en: 'The agenda item was not put on the agenda: no materials can be added' },
  agenda_proposer_not_allowed: { status: 403, zh: '无权提出议题', en: 'You may not propose agenda items' },
  agenda_unit_required: { status: 400, zh: '成员单位提出议题须指明本单位', en: 'A member unit proposing an item must name itself' },
  annual_collection_closed: { status: 409, zh: '该年度的年度工作报告已汇总，不能再报送', en: 'The year’s annual reports are compiled: no more submissions' },
  annual_collection_exists: { status: 409, zh: '该年度的年度工作报告征集已经发起', en: 'The year’s annual report collection has already started' },
  annual_collection_not_found: { status: 404, zh: '该年度的年度工作报告征集尚未发起', en: 'No annual report collection for that year' },
  annual_deadline_after_sunset: { status: 409, zh: '报送截止日期晚于本机构的撤销日期', en: 'The deadline falls after the body’s sunset' },
  annual_deadline_in_past: { status: 400, zh: '报送截止日期应晚于今天', en: 'The deadline must be after today' },
  annual_deadline_not_working_day: { status: 400, zh: '报送截止日期不是工作日', en: 'The deadline is not a working day' },
  annual_report_not_in_charter: { status: 409, zh: '本机构制度未规定年度工作报告', en: 'The charter orders no annual report' },
  annual_task_not_found: { status: 404, zh: '该年度工作报告任务不存在', en: 'The annual report task does not exist' },
  annual_task_not_yours: { status: 403, zh: '这不是本单位的年度工作报告任务', en: 'The task is not the unit’s' },
  annual_task_wrong_status: { status: 409, zh: '该年度工作报告任务当前状态不能这样处理', en: 'The task’s status does not allow this' },
  annual_year_out_of_range: { status: 400, zh: '只能发起上一年度、本年度或下一年度的征集', en: 'Only last, this or next year may be collected' },
  attachment_not_found: { status: 404, zh: '附件不存在', en: 'The attachment does not exist' },
  attachment_too_large: { status: 400, zh: '附件过大', en: 'The attachment is too large' },
  attendance_detail_required: { status: 400, zh: '请填写出席情况的说明', en: 'Give the details of the attendance' },
  backup_decrypt_failed: { status: 400, zh: '备份中的加密数据无法解密（密钥与备份时不同，或备份被改动）', en: 'The encrypted data of the backup cannot be decrypted (another key, or the backup was altered)' },
  backup_invalid: { status: 400, zh: '备份文件无效', en: 'The backup file is not valid' },
  backup_rejected: { status: 400, zh: '备份未通过校验，拒绝恢复；如确需恢复，请用 --force 并写明理由', en: 'The backup failed its checks and is not restored; to restore it anyway, use --force with a reason' },
  backup_schema_mismatch: { status: 400, zh: '备份的数据库结构与本程序不一致，无法恢复', en: 'The database structure of the backup does not match this program: it cannot be restored' },
  backup_version: { status: 400, zh: '备份格式版本比本程序新，请升级后再恢复', en: 'The backup format is newer than this program: upgrade first, then restore' },
  bad_request: { status: 400, zh: '请求不正确', en: 'The request is not valid' },
  body_already_published: { status: 409, zh: '该成立文件已经导入过，不能重复建立机构', en: 'This founding document has already been imported: the body cannot be set up twice' },
  body_dissolved: { status: 409, zh: '该议事协调机构已撤销', en: 'The coordination body has been dissolved' },
  body_name_missing: { status: 422, zh: '未能从成立文件中识别机构名称，请在更正中填写机构名称', en: 'The body\'s name could not be found in the founding document: enter it in the corrections' },
  body_not_found: { status: 404, zh: '议事协调机构不存在', en: 'The coordination body does not exist' },
  bulletin_empty: { status: 422, zh: '简报至少要有一篇文章', en: 'A bulletin needs at least one article' },
  bulletin_recipient_unknown: { status: 422, zh: '报送对象不是本机构的成员单位', en: 'A recipient is not a member unit of the body' },
  bulletin_report_not_adopted: { status: 422, zh: '所选信息未被本机构采用，不能编入简报', en: 'The information report was not adopted by the body' },
  bulletin_series_missing: { status: 422, zh: '本机构制度未规定简报名称，请填写简报名称', en: 'The charter names no bulletin series: give its name' },
  calendar_feed_not_found: { status: 404, zh: '日历订阅地址无效或已撤销', en: 'The calendar subscription address is invalid or has been revoked' },
  change_notice_already_applied: { status: 409, zh: '该通知已经应用到本机构，不能重复应用', en: 'This notice has already been applied to the body' },
  change_notice_body_already_dissolved: { status: 409, zh: '该议事协调机构已经撤销，不能再次撤销', en: 'The body has already been dissolved: it cannot be abolished again' },
  change_notice_body_not_named: { status: 422, zh: '通知中没有提到本机构，不能应用到本机构', en: 'The notice does not name this body' },
  change_notice_changes_nothing: { status: 422, zh: '未能从通知中读出对本机构的任何调整', en: 'Nothing in the notice changes this body' },
  change_notice_not_a_notice: { status: 422, zh: '该文件是成立文件，不是调整或撤销通知', en: 'The document founds a body; it is not an adjustment or abolition notice' },
  change_notice_target_not_found: { status: 422, zh: '通知中没有所选的机构名称', en: 'The notice does not name the chosen body' },
  charter_empty_input: { status: 400, zh: '输入为空，没有可导入的文本', en: 'The input is empty: there is no text to import' },
  charter_input_too_large: { status: 413, zh: '输入超过上限，无法导入', en: 'The input is too large to import' },
  charter_not_text: { status: 400, zh: '输入不是文本文件', en: 'The input is not a text file' },
  charter_version_not_found: { status: 404, zh: '制度版本不存在', en: 'The charter version does not exist' },
  circular_not_found: { status: 404, zh: '通报不存在', en: 'The circular does not exist' },
  co_unit_is_lead: { status: 400, zh: '协办单位不能同时是主办单位', en: 'A co-handling unit cannot also be the lead unit' },
  co_unit_not_member: { status: 409, zh: '协办单位不是本机构在印发日期的成员单位', en: 'A co-handling unit was not a member unit of the body on the issue date' },
  concurrent_update: { status: 409, zh: '数据正被同时修改，请稍后重试', en: 'The data is being changed at the same time: try again shortly' },
  conflict: { status: 409, zh: '与已有记录重复，请检查后重试', en: 'The record duplicates an existing one: check and try again' },
  constraint_violation: { status: 422, zh: '数据不符合约束条件，请检查输入', en: 'The data breaks a constraint: check the input' },
  correction_duplicate_unit: { status: 400, zh: '要添加的成员单位已在名单中', en: 'The member unit to add is already on the list' },
  correction_empty_name: { status: 400, zh: '名称不能为空', en: 'The name must not be empty' },
  correction_in_progress: { status: 409, zh: '该纪要已有一份未印发的更正', en: 'These minutes already have a correction that has not been issued' },
  correction_invalid_date: { status: 400, zh: '日期格式应为 YYYY-MM-DD', en: 'Dates are written YYYY-MM-DD' },
  correction_unknown_region: { status: 400, zh: '地区代码不是有效的行政区划代码（GB/T 2260）', en: 'The region code is not a valid administrative division code (GB/T 2260)' },
  correction_unknown_unit: { status: 400, zh: '要删除的成员单位不在导入结果中', en: 'The member unit to remove is not in the import result' },
  cross_site_request: { status: 403, zh: '拒绝跨站请求：修改数据的请求须来自本系统页面', en: 'Cross-site request refused: state-changing requests must come from the application' },
  data_key_unknown: { status: 400, zh: '个人数据由未知的密钥加密：请用 --from-key 给出原密钥', en: 'Personal data is encrypted with an unknown key: give the old key with --from-key' },
  database_empty: { status: 400, zh: '数据库尚未初始化，没有可备份的数据', en: 'The database is not initialised: there is nothing to back up' },
  deadline_before_issue: { status: 400, zh: '办理时限不能早于印发日期', en: 'The deadline cannot be before the issue date' },
  deadline_not_positive: { status: 422, zh: '办理时限应为不少于0的工作日数', en: 'The deadline must be zero or more working days' },
  decision_closed: { status: 409, zh: '事项已销号', en: 'The decided item is closed' },
  decision_not_completion_reported: { status: 409, zh: '主办单位报送办结后才能销号或退回', en: 'The lead unit must report completion before the item can be closed or sent back' },
  decision_not_found: { status: 404, zh: '督办事项不存在', en: 'The decided item does not exist' },
  decision_not_in_progress: { status: 409, zh: '事项不在办理中，不能报送', en: 'The decided item is not in progress: nothing can be reported' },
  decision_text_required: { status: 400, zh: '议定事项内容不能为空', en: 'The text of the decided item must not be empty' },
  delegation_by_convener_only: { status: 403, zh: '只有会议当日在任的召集人本人可以委托副召集人主持会议', en: 'Only the convener in office on the meeting day may delegate presiding to a deputy convener' },
  delegation_not_provided: { status: 422, zh: '该类会议的主持人不能委托副召集人主持', en: 'Presiding over this kind of meeting cannot be delegated to a deputy convener' },
  delegation_required: { status: 422, zh: '根据本机构制度，须经召集人委托方可主持会议，本次会议尚未记录委托', en: 'Under the body\'s rules this member may preside only when delegated by the convener; no delegation is recorded for this meeting' },
  delegation_to_deputy_only: { status: 422, zh: '只能委托副召集人主持会议', en: 'Presiding can be delegated to a deputy convener only' },
  delivery_not_found: { status: 404, zh: '没有这条待发送的投递', en: 'There is no such pending delivery' },
  deputy_not_delegated: { status: 403, zh: '副召集人须经召集人委托方可办理此事项', en: 'A deputy convener may do this only when delegated by the convener' },
  dissolution_in_future: { status: 400, zh: '撤销日期不能晚于今天', en: 'The dissolution date cannot be later than today' },
  document_review_not_allowed: { status: 403, zh: '无权审核该文件', en: 'You may not review this document' },
  document_signing_not_allowed: { status: 403, zh: '无权签发该文件', en: 'You may not sign off this document' },
  effective_date_in_past: { status: 422, zh: '调整建议的生效日期不能早于今天（确认后方才生效）', en: 'The effective date of a proposed change cannot be before today (it takes effect once confirmed)' },
  end_before_start: { status: 422, zh: '结束日期应晚于任职开始日期', en: 'The end date must be after the start of the term' },
  extension_already_decided: { status: 409, zh: '该延期申请已审核', en: 'The extension request has already been decided' },
  extension_not_found: { status: 404, zh: '延期申请不存在', en: 'The extension request does not exist' },
  extension_not_later: { status: 400, zh: '申请的期限应晚于现行办理时限', en: 'The requested deadline must be later than the current one' },
  extension_pending: { status: 409, zh: '已有待审核的延期申请', en: 'An extension request is already waiting for a decision' },
  forbidden: { status: 403, zh: '无权限', en: 'You do not have permission for this' },
  formal_document_not_allowed: { status: 422, zh: '本机构不正式行文，不能以本机构名义印发该文件（会议纪要除外）', en: 'The body does not issue formal documents: this document cannot be issued in its name (minutes excepted)' },
  group_duplicate_leader: { status: 422, zh: '同一人员不能重复担任本组负责人', en: 'The same person cannot lead the group twice' },
  group_not_expected: { status: 400, zh: '只有工作组会议才指明工作组', en: 'Only a working-group meeting names a working group' },
  group_not_found: { status: 404, zh: '工作组不存在', en: 'The working group does not exist' },
  group_required: { status: 400, zh: '工作组会议须指明工作组', en: 'A working-group meeting must name its working group' },
  group_too_many_leads: { status: 422, zh: '每个工作组只能有一名组长', en: 'A working group has one head only' },
  group_unit_both_lead_and_member: { status: 422, zh: '同一单位不能既是牵头单位又是成员单位', en: 'A unit cannot be both the leading unit and a member unit' },
  handling_deadline_exceeded: { status: 422, zh: '办理时限超过了制度规定的工作日数', en: 'The deadline exceeds the number of working days the body\'s rules allow' },
  handover_reason_required: { status: 400, zh: '请填写移交或办结的理由', en: 'Give the reason for the handover or closing' },
  incoming_deadline_after_sunset: { status: 409, zh: '办理时限晚于本机构的撤销日期', en: 'The handling deadline falls after the body is dissolved (its sunset date)' },
  incoming_document_not_found: { status: 404, zh: '收文不存在', en: 'The incoming document does not exist' },
  incoming_document_wrong_status: { status: 409, zh: '收文当前状态不允许此操作', en: 'The incoming document is not in a status that allows this step' },
  info_report_category_unknown: { status: 400, zh: '信息类别不在本机构的类别中', en: 'The category is not one of the body’s report categories' },
  info_report_empty: { status: 400, zh: '信息标题和正文不能为空', en: 'A report needs a title and a text' },
  info_report_group_required: { status: 400, zh: '本机构按工作组统计信息报送，请选择报送的工作组', en: 'The body counts reports by group: choose the group' },
  info_report_not_found: { status: 404, zh: '该报送信息不存在', en: 'The information report does not exist' },
  info_report_offer_duplicate: { status: 400, zh: '同一机构只能报送一次', en: 'A report is offered to a body once' },
  info_report_period_closed: { status: 409, zh: '该报送期已结束，不能再报送', en: 'The reporting period has ended: no more reports for it' },
  info_report_period_invalid: { status: 400, zh: '报送期格式不正确', en: 'Not a reporting period of the body' },
  info_report_period_not_open: { status: 409, zh: '该报送期尚未开始', en: 'The reporting period has not begun' },
  info_report_wrong_status: { status: 409, zh: '该信息当前状态不能这样处理', en: 'The report’s status does not allow this' },
  info_reports_off: { status: 409, zh: '本机构制度未规定信息报送，办公室也尚未启用', en: 'The charter states no information reports and the office has not enabled them' },
  input_too_deep: { status: 400, zh: '输入的嵌套层数过多', en: 'The input is nested too deeply' },
  input_too_large: { status: 413, zh: '输入过大或过于复杂，无法处理', en: 'The input is too large or too complex to process' },
  input_too_many_items: { status: 400, zh: '输入的数组元素过多', en: 'The input holds too many array items' },
  input_too_many_keys: { status: 400, zh: '输入的对象字段过多', en: 'The input object holds too many fields' },
  internal_error: { status: 500, zh: '服务器内部错误，请联系系统管理员', en: 'Internal server error: contact the system administrator' },
  invalid_allow_list_entry: { status: 400, zh: '白名单中有一项既不是主机名，也不是地址或地址段', en: 'An allow-list entry is neither a host name nor an address or address range' },
  invalid_attachment: { status: 400, zh: '附件内容不是有效的 Base64 编码或为空', en: 'The attachment is empty or not valid Base64' },
  invalid_base64: { status: 400, zh: '材料内容不是有效的 base64', en: 'The material content is not valid base64' },
  invalid_calendar_input: { status: 400, zh: '日期或日历参数无效', en: 'A date or calendar parameter is not valid' },
  invalid_character: { status: 400, zh: '输入含有不允许的控制字符', en: 'The input holds a control character that is not allowed' },
  invalid_credentials: { status: 401, zh: '用户名或密码错误', en: 'Wrong user name or password' },
  invalid_cursor: { status: 400, zh: '分页游标无效', en: 'The page cursor is not valid' },
  invalid_data_key: { status: 400, zh: '数据加密密钥必须是 32 位十六进制数（SM4）', en: 'A data key is 32 hex digits (SM4)' },
  invalid_date: { status: 400, zh: '日期格式应为 YYYY-MM-DD', en: 'Dates are written YYYY-MM-DD' },
  invalid_display_name: { status: 400, zh: '姓名不能为空', en: 'The name must not be empty' },
  invalid_email: { status: 400, zh: '电子邮件地址格式不正确', en: 'The e-mail address is not valid' },
  invalid_escalation_ladder: { status: 400, zh: '年底前提醒会议次数的天数须为 1 至 180 之间的整数', en: 'The reminder days before the year end must be whole numbers from 1 to 180' },
  invalid_json: { status: 400, zh: '请求体不是有效的 JSON', en: 'The request body is not valid JSON' },
  invalid_reference: { status: 422, zh: '引用的记录不存在，或仍被其他记录引用', en: 'The referenced record does not exist, or is still referenced by another' },
  invalid_role: { status: 400, zh: '系统角色无效', en: 'The system role is not valid' },
  invalid_second_factor: { status: 401, zh: '动态口令或恢复码不正确', en: 'Wrong one-time code or recovery code' },
  invalid_unicode: { status: 400, zh: '输入含有无效的 Unicode 代理字符', en: 'The input holds an invalid Unicode surrogate' },
  invalid_username: { status: 400, zh: '用户名须为 2–63 位小写字母、数字、点、下划线或连字符，并以字母或数字开头', en: 'A user name has 2–63 lower-case letters, digits, dots, underscores or hyphens and starts with a letter or digit' },
  invalid_value: { status: 400, zh: '输入的值无效', en: 'The value is not valid' },
  invalid_webhook_url: { status: 400, zh: 'Webhook 地址须为 https:// 地址（本机测试可用 http://127.0.0.1）', en: 'The webhook address must be an https:// address (http://127.0.0.1 for local tests)' },
  invalid_working_days: { status: 400, zh: '办理时限的工作日数应为 1 至 1000 的整数', en: 'The number of working days must be a whole number from 1 to 1000' },
  invitee_not_found: { status: 404, zh: '列席人员不存在', en: 'The observer does not exist' },
  lead_unit_not_member: { status: 409, zh: '主办单位不是本机构在印发日期的成员单位', en: 'The lead unit was not a member unit of the body on the issue date' },
  leader_not_in_body: { status: 422, zh: '工作组组长、副组长须是本机构在任的成员、联络员或召集人', en: 'The head and deputy heads of a working group must be serving members, liaison officers or conveners of the body' },
  liaison_with_opinion_not_allowed: { status: 422, zh: '制度未规定可由联络员带本单位意见参会', en: 'The body\'s rules do not let a liaison officer attend with the unit\'s opinion' },
  material_content_required: { status: 400, zh: '请提供材料内容（text 或 base64 之一）', en: 'Give the material content (text or base64)' },
  material_not_found: { status: 404, zh: '材料不存在', en: 'The material does not exist' },
  material_too_large: { status: 413, zh: '材料不能超过 10 MB', en: 'A material cannot exceed 10 MB' },
  meeting_already_started: { status: 409, zh: '会议已经开始，材料应在会前印发', en: 'The meeting has started: materials are circulated before it' },
  meeting_ends_before_start: { status: 400, zh: '会议结束时间应晚于开始时间', en: 'The meeting must end after it starts' },
  meeting_in_past: { status: 422, zh: '会议开始时间应晚于现在', en: 'The meeting must start in the future' },
  meeting_not_found: { status: 404, zh: '会议不存在', en: 'The meeting does not exist' },
  meeting_not_held_plenary: { status: 422, zh: '确认依据须是本机构已召开的全体会议', en: 'The basis of the confirmation must be a plenary meeting of the body that has been held' },
  meeting_not_noticeable: { status: 409, zh: '草稿或已取消的会议不能印发会议通知', en: 'No notice can be issued for a draft or cancelled meeting' },
  meeting_not_scheduled: { status: 409, zh: '会议尚未确定（草稿），没有日历邀请', en: 'The meeting is still a draft: there is no calendar invitation' },
  meeting_not_started: { status: 409, zh: '会议尚未开始，不能登记为已召开', en: 'The meeting has not started: it cannot be recorded as held' },
  meeting_transition_not_allowed: { status: 409, zh: '会议当前状态不允许此操作', en: 'The meeting\'s current status does not allow this' },
  membership_already_ended: { status: 409, zh: '该任职已经结束', en: 'The term has already ended' },
  membership_change_decided: { status: 409, zh: '该调整建议已经处理', en: 'The proposed change has already been decided' },
  membership_change_needs_confirmation: { status: 422, zh: '人员调整须经确认后生效，请提交调整建议', en: 'Membership changes take effect once confirmed: submit a proposed change' },
  membership_change_not_found: { status: 404, zh: '人员调整建议不存在', en: 'The proposed membership change does not exist' },
  membership_confirmer_not_allowed: { status: 403, zh: '无权确认该人员调整', en: 'You may not confirm this membership change' },
  membership_direct_office_only: { status: 403, zh: '只有办公室可以直接登记任职变动，其他人员请提交调整建议', en: 'Only the office may record a membership change directly; others submit a proposed change' },
  membership_not_found: { status: 404, zh: '成员任职记录不存在', en: 'The membership record does not exist' },
  membership_not_valid_on_date: { status: 422, zh: '该任职在会议当日不在任', en: 'The member is not in office on the meeting day' },
  membership_own_post: { status: 403, zh: '不能处理由本人任职的调整', en: 'You cannot handle a change of your own post' },
  membership_own_proposal: { status: 403, zh: '不能处理本人提出的调整建议', en: 'You cannot decide a change you proposed yourself' },
  membership_plenary_basis_required: { status: 422, zh: '人员调整由全体会议确定，办公室登记确认时须注明已召开的全体会议或书面依据', en: 'Membership changes are decided by the plenary meeting: when recording the confirmation, the office names the plenary meeting held or the written basis' },
  membership_proposer_not_allowed: { status: 403, zh: '人员调整由所在成员单位（限本单位）或办公室提出', en: 'A membership change is proposed by the member unit concerned (for itself only) or by the office' },
  membership_self_nomination: { status: 422, zh: '不能提出由本人任职的调整建议，须由本单位其他人员或办公室提出', en: 'You cannot propose yourself for a post: another person of your unit or the office proposes it' },
  minutes_not_found: { status: 404, zh: '会议纪要不存在', en: 'The minutes do not exist' },
  minutes_signoff_not_allowed: { status: 403, zh: '无权签发会议纪要', en: 'You may not sign off the minutes' },
  minutes_transition_not_allowed: { status: 409, zh: '纪要当前状态不允许此操作', en: 'The minutes\' current status does not allow this' },
  minutes_version_conflict: { status: 409, zh: '纪要已被他人修改，请刷新后再改', en: 'Someone else changed the minutes: reload and edit again' },
  missing_value: { status: 422, zh: '缺少必填的值', en: 'A required value is missing' },
  name_required: { status: 400, zh: '请填写列席人员', en: 'Enter the observer' },
  no_handling_deadline_rule: { status: 409, zh: '本机构制度未规定办理时限，请为该事项指定日期或工作日数', en: 'The body\'s rules set no deadline: give the item a date or a number of working days' },
  no_materials_to_circulate: { status: 409, zh: '没有待印发的已列入议程的材料', en: 'There are no materials of agenda items waiting to be circulated' },
  no_open_decisions: { status: 409, zh: '本机构没有未销号的督办事项，无需通报', en: 'The body has no open decided items: there is nothing to circulate' },
  not_lead_unit: { status: 403, zh: '只有主办单位可以报送办结', en: 'Only the lead unit may report completion' },
  notice_scope_unknown: { status: 422, zh: '未能判断通知的适用范围，请指定（national 或行政区划代码）', en: 'The notice\'s scope could not be determined: give it (national or a division code)' },
  notice_unreadable: { status: 422, zh: '通知有错误，不能载入', en: 'The notice has errors and cannot be loaded' },
  observer_already_decided: { status: 409, zh: '该列席人员已经确定，无需再审核', en: 'The observer has already been decided' },
  observer_approval_not_allowed: { status: 403, zh: '无权确定列席人员', en: 'You may not decide on observers' },
  open_decisions_not_handed_over: { status: 409, zh: '本机构尚有未销号的督办事项，请先逐项移交后续机构或单位，或说明理由办结，再撤销', en: 'The body still has open decided items: hand each over to a successor body or unit, or close it with a reason, before dissolving' },
  outbound_target_refused: { status: 400, zh: '目标地址不允许访问', en: 'The target address is not allowed' },
  outbound_target_unresolved: { status: 400, zh: '无法解析目标主机', en: 'The target host cannot be resolved' },
  outgoing_document_group_unknown: { status: 422, zh: '发文的工作组不是本机构的工作组', en: 'The group is not a group of this body' },
  outgoing_document_not_found: { status: 404, zh: '发文不存在', en: 'Outgoing document not found' },
  outgoing_document_step_out_of_order: { status: 409, zh: '发文流程的步骤顺序不对', en: 'This step of the signing chain is not next' },
  outgoing_document_submit_not_allowed: { status: 403, zh: '只有拟稿人或办公室可以提交该文件', en: 'Only the drafter or the office may submit this document' },
  password_change_required: { status: 403, zh: '首次登录或密码已被重置，请先修改密码', en: 'Change your password first (first sign-in or the password was reset)' },
  password_policy: { status: 400, zh: '密码不符合要求', en: 'The password does not meet the password rules' },
  password_reused: { status: 400, zh: '新密码不能与最近使用过的密码相同', en: 'The new password must differ from the recently used ones' },
  password_unchanged: { status: 400, zh: '新密码不能与当前密码相同', en: 'The new password must differ from the current one' },
  payload_too_large: { status: 413, zh: '请求体过大', en: 'The request body is too large' },
  pdf_conversion_failed: { status: 500, zh: 'LibreOffice 未能将文档转换为 PDF', en: 'LibreOffice could not convert the document to PDF' },
  pdf_conversion_timeout: { status: 504, zh: 'PDF 转换超时，已停止；请先下载 DOCX 文件', en: 'The PDF conversion took too long and was stopped: download the DOCX file instead' },
  pdf_unavailable: { status: 501, zh: '服务器未安装 LibreOffice（soffice），无法生成 PDF。请下载 DOCX 文件，或请系统管理员安装 libreoffice-writer 及中文字体（如 fonts-noto-cjk）后重试。', en: 'LibreOffice (soffice) is not installed on the server, so no PDF can be made. Download the DOCX file, or ask the system administrator to install libreoffice-writer and Chinese fonts (e.g. fonts-noto-cjk).' },
  period_ends_before_start: { status: 400, zh: '结束日期应晚于开始日期', en: 'The end date must be after the start date' },
  person_not_found: { status: 404, zh: '人员不存在', en: 'The person does not exist' },
  person_not_in_body: { status: 422, zh: '只能提名本机构已有人员，或填写拟任人员姓名', en: 'Nominate a person already in the body, or enter the name of the person proposed' },
  person_required: { status: 400, zh: '请填写拟任人员', en: 'Enter the person proposed' },
  pre_meeting_after_meeting: { status: 422, zh: '会前会议应在所准备的会议之前召开', en: 'A preparatory meeting must be held before the meeting it prepares' },
  pre_meeting_kind_mismatch: { status: 422, zh: '制度规定的会前会议不是此类会议', en: 'The body\'s rules provide for another kind of preparatory meeting' },
  pre_meeting_not_provided: { status: 422, zh: '本机构制度未规定在会议之前召开此类会议', en: 'The body\'s rules provide for no such meeting before this one' },
  presider_not_allowed: { status: 422, zh: '该成员不能主持此类会议', en: 'This member may not preside over this kind of meeting' },
  presider_required: { status: 409, zh: '请先确定会议主持人', en: 'Choose who presides first' },
  processing_time_exceeded: { status: 422, zh: '处理超过时限仍未完成，已停止；内容可能过于复杂，请精简或拆分后重试', en: 'Processing took longer than allowed and was stopped: the content may be too complex; shorten or split it and try again' },
  reason_required: { status: 400, zh: '请填写原因', en: 'Give the reason' },
  restore_force_reason: { status: 400, zh: '强制恢复须写明理由', en: 'A forced restore needs a reason' },
  restore_target_newer: { status: 409, zh: '目标数据库的结构比备份新，请恢复到空的数据目录或数据库', en: 'The target database is newer than the backup: restore into an empty data directory or database' },
  restore_target_not_empty: { status: 409, zh: '目标数据库不是空的（已有账号或审计记录），请恢复到空的数据目录或数据库', en: 'The target database is not empty (it has accounts or audit rows): restore into an empty data directory or database' },
  route_not_found: { status: 404, zh: '没有这个接口', en: 'There is no such API endpoint' },
  second_factor_enrolment_required: { status: 401, zh: '须绑定动态口令：请用身份验证器扫描二维码后输入 6 位数字', en: 'A second factor is required: scan the QR code with an authenticator app, then enter its 6 digits' },
  second_factor_required: { status: 401, zh: '请输入动态口令或恢复码', en: 'Enter the one-time code or a recovery code' },
  self_administration_forbidden: { status: 403, zh: '不能对本人账号执行此操作', en: 'You cannot do this to your own account' },
  separation_of_duties: { status: 409, zh: '系统管理员、安全管理员、安全审计员须由不同账号担任', en: 'The system administrator, security administrator and security auditor must be different accounts' },
  server_busy: { status: 429, zh: '服务器正忙于处理其他较大的请求，请稍后重试', en: 'The server is busy with other large requests: try again shortly' },
  session_expired: { status: 401, zh: '会话已超时，请重新登录', en: 'The session has expired: sign in again' },
  substitute_not_allowed: { status: 422, zh: '制度未规定可由他人代为出席', en: 'The body\'s rules do not allow attending by a substitute' },
  successor_body_invalid: { status: 400, zh: '不能移交给本机构自身', en: 'Items cannot be handed over to the body itself' },
  successor_body_required: { status: 400, zh: '请选择承接事项的后续机构', en: 'Choose the successor body that takes over the items' },
  successor_unit_required: { status: 400, zh: '请选择承接事项的单位', en: 'Choose the unit that takes over the items' },
  title_required: { status: 400, zh: '请填写议题', en: 'Enter the agenda item' },
  unauthenticated: { status: 401, zh: '请先登录', en: 'Sign in first' },
  unit_not_assigned: { status: 403, zh: '该单位不是本事项的主办或协办单位', en: 'The unit is neither the lead nor a co-handling unit of this item' },
  unit_not_found: { status: 404, zh: '成员单位不存在', en: 'The member unit does not exist' },
  unit_not_in_group: { status: 403, zh: '本单位不是该工作组的牵头或成员单位', en: 'The unit is not a unit of the group' },
  unit_not_invited: { status: 422, zh: '该单位不是本次会议邀请的成员单位', en: 'The unit is not invited to this meeting' },
  unit_not_member: { status: 422, zh: '该单位不是本机构的成员单位', en: 'The unit is not a member unit of the body' },
  unit_required: { status: 400, zh: '成员和联络员须指明所代表的成员单位', en: 'Members and liaison officers must name the member unit they represent' },
  unknown_region: { status: 400, zh: '行政区划代码无效，应为六位 GB/T 2260 代码', en: 'The region code is not valid: give a six-digit GB/T 2260 code' },
  unsupported_media_type: { status: 415, zh: '不支持的请求内容类型，请使用 application/json', en: 'Unsupported content type: use application/json' },
  username_taken: { status: 409, zh: '用户名已被使用', en: 'The user name is already taken' },
  validation_failed: { status: 400, zh: '请求内容不符合要求', en: 'The request does not meet the requirements' },
  value_out_of_range: { status: 400, zh: '数值超出允许范围', en: 'The value is out of the allowed range' },
  value_too_long: { status: 400, zh: '输入的值过长', en: 'The value is too long' },
  web_not_built: { status: 503, zh: '网页界面尚未构建，请先运行 npm run build:web。', en: 'The web interface has not been built: run npm run build:web first.' },
  webhook_incomplete: { status: 400, zh: '启用 Webhook 需先设置地址并生成密钥', en: 'Set the address and generate a secret before enabling the webhook' },
  work_plan_agenda_not_plenary: { status: 422, zh: '年度工作要点须提交全体会议审议', en: 'The annual work plan goes to a plenary meeting' },
  work_plan_already_adopted: { status: 409, zh: '年度工作要点已经审议通过', en: 'The annual work plan has been adopted' },
  work_plan_not_adopted_yet: { status: 409, zh: '全体会议尚未审议通过年度工作要点', en: 'The plenary has not adopted the work plan yet' },
  work_plan_not_in_charter: { status: 409, zh: '本机构制度未要求制定年度工作要点', en: 'The charter asks for no annual work plan' },
  wrong_current_password: { status: 400, zh: '当前密码不正确', en: 'The current password is wrong' },
} as const satisfies Record<string, ErrorCatalogueEntry>;

/** A catalogued error code. */
export type ErrorCode = keyof typeof ERROR_CATALOGUE;

/** Every catalogued code, sorted. */
export const ERROR_CODES = Object.keys(ERROR_CATALOGUE) as ErrorCode[];

/** True when `code` is catalogued (e.g. a code received from the server). */
export function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(ERROR_CATALOGUE, code);
}

/**
 * A code carried as a plain string (e.g. the refusal of a charter gate, made in the domain) as a
 * catalogued code; an uncatalogued one is a programming error. The catalogue test
 * (test/domain/errors/) checks every literal (code, status) pair in src/ against the catalogue.
 */
export function errorCodeOf(code: string): ErrorCode {
  if (!isErrorCode(code)) throw new TypeError(`the error code ${code} is not in the error catalogue`);
  return code;
}

/** A template with `{name}` filled from `values`; a name without a value is dropped with its braces. */
export function fillErrorTemplate(template: string, values: Readonly<Record<string, unknown>>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name];
    return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
  });
}

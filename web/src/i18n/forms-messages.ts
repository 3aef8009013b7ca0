/**
 * UI strings of the forms that prevent mistakes (issue 15 point 6): bounds beside the field, the
 * confirmation of dangerous settings, bulk attendance; merged into `messages-zh.ts` / `messages-en.ts`.
 */
export const formsZh = {
  'form.range': '允许范围：{min}–{max}',
  'settings.confirm.title': '确认修改安全设置？',
  'settings.confirm.intro': '以下修改会降低安全性或影响所有在线用户：',
  'settings.confirm.idleShort': '空闲超时设为 {minutes} 分钟（少于 {threshold} 分钟，用户阅读时也可能被登出）',
  'settings.confirm.absoluteChanged': '会话最长有效期由 {before} 小时改为 {after} 小时（影响所有在线会话）',
  'settings.confirm.passwordWeaker': '密码策略放宽（最短长度或字符类别数减少）',
  'settings.confirm.lockoutWeaker': '登录失败锁定放宽（允许更多次失败，或锁定时间更短）',
  'settings.confirm.ok': '确认保存',
  'settings.confirm.cancel': '取消',
  'attendance.allPresent': '全部出席',
  'attendance.allPresentHint': '将尚未登记的单位全部设为出席，再逐个修改例外（请假、代为出席等）',
  'attendance.allPresentDone': '已将 {count} 个单位设为出席，请修改例外后保存。',
};

export const formsEn: Record<keyof typeof formsZh, string> = {
  'form.range': 'Allowed: {min}–{max}',
  'settings.confirm.title': 'Change the security settings?',
  'settings.confirm.intro': 'These changes weaken security or affect every signed-in user:',
  'settings.confirm.idleShort': 'Idle timeout of {minutes} minutes (under {threshold}: users may be signed out while reading)',
  'settings.confirm.absoluteChanged': 'Maximum session length from {before} to {after} hours (affects every session)',
  'settings.confirm.passwordWeaker': 'A weaker password policy (shorter minimum length or fewer character classes)',
  'settings.confirm.lockoutWeaker': 'A weaker lockout (more failed attempts allowed, or a shorter lockout)',
  'settings.confirm.ok': 'Save',
  'settings.confirm.cancel': 'Cancel',
  'attendance.allPresent': 'All present',
  'attendance.allPresentHint': 'Mark every unit not yet recorded as present, then change the exceptions (leave, substitute …)',
  'attendance.allPresentDone': '{count} units marked present: change the exceptions, then save.',
};

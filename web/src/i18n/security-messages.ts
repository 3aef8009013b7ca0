/**
 * UI strings of the level-3 security screens (issue 17): session expiry warning, password expiry,
 * the security policy of the security administrator; merged into messages-zh.ts / messages-en.ts.
 */
export const securityZh = {
  'security.session.idleSoon': '由于长时间未操作，会话将于 {time} 结束，未保存的内容将丢失。',
  'security.session.absoluteSoon': '本次登录将于 {time} 到期（最长有效期），请及时保存工作，到期后需重新登录。',
  'security.session.keepAlive': '继续使用',
  'security.password.expiresSoon': '您的密码将于 {date} 过期，请尽快修改。',
  'security.password.change': '修改密码',
};

export const securityEn: Record<keyof typeof securityZh, string> = {
  'security.session.idleSoon': 'Without activity, the session ends at {time}; unsaved work will be lost.',
  'security.session.absoluteSoon': 'This sign-in expires at {time} (longest allowed); save your work, then sign in again.',
  'security.session.keepAlive': 'Keep working',
  'security.password.expiresSoon': 'Your password expires on {date}; please change it soon.',
  'security.password.change': 'Change password',
};

/** Contract of GET/PUT /api/security-policy: the policy the security administrator sets (issue 17). */
import { z } from 'zod';

export const securityPolicyDtoSchema = z.object({
  password: z.object({
    minLength: z.number().int().min(8).max(128).describe('最短长度'),
    minClasses: z.number().int().min(1).max(4).describe('小写、大写、数字、符号中至少几类'),
    blockCommon: z.boolean().describe('拒绝常用及已泄露密码、可猜测的模式'),
    minUnpredictable: z.number().int().min(0).max(32).describe('常用词、键盘顺序、年份日期、重复字符以外至少几个字符'),
    maxAgeDays: z.number().int().min(0).max(3650).describe('密码有效天数（0：不过期）'),
    historyCount: z.number().int().min(0).max(24).describe('不得重复使用最近几个密码'),
    bannedWords: z.array(z.string().trim().toLowerCase().min(3).max(64)).max(200).describe('禁用词（如单位简称）'),
  }),
  sessions: z.object({
    userLimit: z.number().int().min(0).max(100).describe('普通账号同时在线会话数上限（0：不限）'),
    adminLimit: z.number().int().min(1).max(100).describe('管理员账号同时在线会话数上限'),
  }),
  secondFactor: z.enum(['off', 'administrators', 'everyone']).describe('须使用动态口令（TOTP）的账号：不要求（仅限测试环境）、管理员（等保三级的最低要求），或全部账号'),
});

export type SecurityPolicyDto = z.infer<typeof securityPolicyDtoSchema>;

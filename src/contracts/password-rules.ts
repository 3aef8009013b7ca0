/** Contract of GET/PUT /api/password-rules: the password rules the security administrator sets (issue 17). */
import { z } from 'zod';

export const passwordRulesDtoSchema = z.object({
  minLength: z.number().int().min(8).max(128).describe('最短长度'),
  minClasses: z.number().int().min(1).max(4).describe('小写、大写、数字、符号中至少几类'),
  blockCommon: z.boolean().describe('拒绝常用及已泄露密码、可猜测的模式'),
  minUnpredictable: z.number().int().min(0).max(32).describe('常用词、键盘顺序、年份日期、重复字符以外至少几个字符'),
  maxAgeDays: z.number().int().min(0).max(3650).describe('密码有效天数（0：不过期）'),
  historyCount: z.number().int().min(0).max(24).describe('不得重复使用最近几个密码'),
  bannedWords: z.array(z.string().trim().toLowerCase().min(3).max(64)).max(200).describe('禁用词（如单位简称）'),
});

export type PasswordRulesDto = z.infer<typeof passwordRulesDtoSchema>;

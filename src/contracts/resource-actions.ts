/**
 * Contract piece shared by the meeting, minutes, decision and body responses (issue 15): the actions
 * the current person may take on a resource, decided on the server from the policy, the charter
 * gates and the resource's status. The web shows a button only for an allowed action and explains
 * a refused one with `reason` (and the charter `clause`).
 */
import { z } from 'zod';

export const resourceActionSchema = z.object({
  action: z.string().describe('稳定的操作名，如 minutes.sign_off'),
  allowed: z.boolean(),
  reason: z.string().optional().describe('不能操作的原因（中文）'),
  clause: z.string().optional().describe('依据的制度条款原文'),
});
export type ResourceActionResponse = z.infer<typeof resourceActionSchema>;

export const resourceActionListSchema = z.array(resourceActionSchema).describe('当前用户可对该资源进行的操作（服务端依据权限、制度和状态计算）');

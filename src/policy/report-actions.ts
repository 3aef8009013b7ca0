import { declareActions } from './action-rule.ts';

/**
 * Information reports (信息报送) and the annual cycle (年度工作报告 / 年度工作要点). A member unit's
 * member or liaison submits for its own unit (the resource's unit); the office decides, sets the
 * defaults, reads the compliance view and runs the annual collection; the convener and deputies read.
 */
export const reportActions = declareActions({
  'info_report.submit': { description: '报送工作信息（本单位；可同时报送所在的多个机构）', scope: 'body', bodyRoles: ['office_staff'], unitBodyRoles: ['member', 'liaison'] },
  'info_report.read_own': { description: '查看本单位报送的信息和本单位的报送完成情况', scope: 'body', bodyRoles: ['office_staff', 'convener', 'deputy_convener'], unitBodyRoles: ['member', 'liaison'] },
  'info_report.review': { description: '办公室处理报送的信息：采用入库、退回或采编', scope: 'body', bodyRoles: ['office_staff'] },
  'info_report.compliance': { description: '查看信息报送完成情况（本期和近12个月）', scope: 'body', bodyRoles: ['office_staff', 'convener', 'deputy_convener'] },
  'info_report_settings.manage': { description: '设置信息报送（制度未规定时启用及默认规则、信息类别、提醒）', scope: 'body', bodyRoles: ['office_staff'] },
  'annual_cycle.read': { description: '查看本年度年度工作报告、工作要点的进度', scope: 'body', bodyRoles: ['office_staff', 'convener', 'deputy_convener', 'member', 'liaison', 'viewer'] },
  'annual_cycle.manage': { description: '发起年度工作报告征集、催报、退回、汇总编制年度工作报告', scope: 'body', bodyRoles: ['office_staff'] },
  'annual_task.submit': { description: '提交本单位的年度工作报告', scope: 'body', bodyRoles: ['office_staff'], unitBodyRoles: ['member', 'liaison'] },
});

import { CASE_ACTIONS, type CaseAction, type Permission } from '@shanzhi/shared';
import { caseActionLabel } from '../features/cases/case-labels.js';
import type { Locale } from './locale.js';

type Label = { zh: string; en: string };

/** The groups of permissions (the `resource` of `resource.action`), as 角色权限 heads its rows. */
const GROUP_LABELS: Record<string, Label> = {
  org: { zh: '组织机构', en: 'Organisations' },
  user: { zh: '用户', en: 'Users' },
  role: { zh: '角色权限', en: 'Roles' },
  audit: { zh: '审计日志', en: 'Audit log' },
  catalog: { zh: '事项目录', en: 'Catalogue' },
  calendar: { zh: '工作日历', en: 'Calendar' },
  knowledge: { zh: '知识库', en: 'Knowledge base' },
  reply_template: { zh: '回复模板', en: 'Reply templates' },
  personal_data: { zh: '个人信息', en: 'Personal data' },
  notification: { zh: '消息通知', en: 'Notifications' },
  case: { zh: '工单', en: 'Cases' },
  kpi: { zh: '考核', en: 'Measures' },
  dashboard: { zh: '指挥大屏', en: 'Command wall' },
  intelligence: { zh: '智能辅助', en: 'Smart assistance' },
  warning: { zh: '预警', en: 'Early warnings' },
  grid: { zh: '网格管理', en: 'Grid management' },
  grid_finding: { zh: '网格事件', en: 'Grid findings' },
  grid_task: { zh: '网格任务', en: 'Grid tasks' },
  grid_plan: { zh: '巡查计划', en: 'Patrol plans' },
  grid_admission: { zh: '网格事项准入', en: 'Grid admission list' },
  open311: { zh: '开放接口', en: 'Open API' },
  grid_register: { zh: '网格基础信息', en: 'Grid registers' },
  grid_visit: { zh: '入户走访', en: 'Household visits' },
  mediation: { zh: '矛盾纠纷调解', en: 'Mediation' },
  report: { zh: '报告', en: 'Reports' },
  safety: { zh: '安全生产', en: 'Work safety' },
  hazard: { zh: '安全生产隐患', en: 'Work-safety hazards' },
};

type CaseActionPermission = `case.${CaseAction}`;

// The permissions that are not a lifecycle action; those take the action's own label (case.dispatch → 派单).
const OTHER_PERMISSION_LABELS: Record<Exclude<Permission, CaseActionPermission>, Label> = {
  'org.read': { zh: '查看组织机构', en: 'View organisations' },
  'org.write': { zh: '维护组织机构', en: 'Edit organisations' },
  'user.read': { zh: '查看用户', en: 'View users' },
  'user.write': { zh: '维护用户', en: 'Edit users' },
  'role.read': { zh: '查看角色权限', en: 'View roles' },
  'role.write': { zh: '调整角色权限', en: 'Change roles' },
  'audit.read': { zh: '查看审计日志', en: 'View the audit log' },
  'catalog.read': { zh: '查看事项目录', en: 'View the catalogue' },
  'catalog.write': { zh: '维护事项目录', en: 'Edit the catalogue' },
  'calendar.read': { zh: '查看工作日历', en: 'View the calendar' },
  'calendar.write': { zh: '维护工作日历', en: 'Edit the calendar' },
  'knowledge.read': { zh: '查阅知识库', en: 'Read the knowledge base' },
  'knowledge.write': { zh: '维护知识库', en: 'Edit the knowledge base' },
  'reply_template.read': { zh: '使用回复模板', en: 'Use reply templates' },
  'reply_template.write': { zh: '维护回复模板', en: 'Edit reply templates' },
  'personal_data.read': { zh: '查看完整个人信息', en: 'See personal data unmasked' },
  'notification.read': { zh: '接收消息通知', en: 'Receive notifications' },
  'case.read': { zh: '查看工单', en: 'View cases' },
  'case.export': { zh: '导出工单', en: 'Export cases' },
  'case.attach': { zh: '上传附件', en: 'Attach files' },
  'case.configure': { zh: '办理设置', en: 'Case settings' },
  'kpi.read': { zh: '查看考核', en: 'View measures' },
  'kpi.configure': { zh: '设置考核权重', en: 'Set the measures’ weights' },
  'dashboard.read': { zh: '查看指挥大屏', en: 'View the command hall’s wall' },
  'intelligence.duplicates': { zh: '查重', en: 'Find duplicates' },
  'intelligence.classify': { zh: '智能分类建议', en: 'Classification suggestions' },
  'warning.read': { zh: '查看预警', en: 'View early warnings' },
  'warning.acknowledge': { zh: '处置预警', en: 'Acknowledge early warnings' },
  'warning.run': { zh: '立即运行预警', en: 'Run early warnings now' },
  'grid.read': { zh: '查看网格工作', en: 'View grid work' },
  'grid.patrol': { zh: '网格巡查', en: 'Patrol a grid' },
  'grid_finding.record': { zh: '登记网格事件', en: 'Record findings' },
  'grid_finding.solve_on_spot': { zh: '就地解决', en: 'Solve on the spot' },
  'grid_finding.report_up': { zh: '上报网格事件', en: 'Report findings up' },
  'grid_finding.conclude': { zh: '随工单办结', en: 'Conclude with the case' },
  'grid_finding.dismiss': { zh: '撤销网格事件', en: 'Withdraw findings' },
  'grid_task.assign': { zh: '下派网格任务', en: 'Assign grid tasks' },
  'grid_task.complete': { zh: '完成网格任务', en: 'Complete grid tasks' },
  'grid_task.cancel': { zh: '撤回网格任务', en: 'Withdraw grid tasks' },
  'grid_plan.write': { zh: '设置巡查计划', en: 'Set patrol plans' },
  'grid_admission.write': { zh: '维护临时准入事项', en: 'Edit temporary admission items' },
  'open311.manage': { zh: '管理开放接口（密钥与开放服务）', en: 'Manage the open API (keys and services)' },
  'grid_register.read': { zh: '查看基础信息', en: 'View the grid registers' },
  'grid_register.write': { zh: '维护基础信息', en: 'Edit the grid registers' },
  'grid_register.export': { zh: '导出基础信息', en: 'Export the grid registers' },
  'grid_visit.record': { zh: '登记入户走访', en: 'Record household visits' },
  'mediation.read': { zh: '查看纠纷调解', en: 'View disputes' },
  'mediation.register': { zh: '登记纠纷', en: 'Register disputes' },
  'mediation.accept': { zh: '受理纠纷', en: 'Accept disputes' },
  'mediation.assign': { zh: '指派调解', en: 'Assign disputes' },
  'mediation.consent': { zh: '记录同意调解', en: 'Record consent' },
  'mediation.refuse': { zh: '记录拒绝调解', en: 'Record refusal' },
  'mediation.extend': { zh: '延长调解期限', en: 'Extend mediation' },
  'mediation.record_session': { zh: '记录调解', en: 'Record sessions' },
  'mediation.agree': { zh: '记录调解协议', en: 'Record agreements' },
  'mediation.confirm_agreement': { zh: '记录当事人确认', en: 'Record confirmations' },
  'mediation.fail': { zh: '调解不成', en: 'Close as failed' },
  'mediation.escalate': { zh: '纠纷上移', en: 'Escalate disputes' },
  'mediation.refer': { zh: '引导诉讼/仲裁', en: 'Refer to court or arbitration' },
  'mediation.refer_to_hotline': { zh: '转心理援助热线', en: 'Refer to the hotline' },
  'mediation.transfer_to_case': { zh: '调解不成转部门办理', en: 'Transfer a failed dispute to a department' },
  'mediation.record_performance': { zh: '记录协议履行', en: 'Record performance' },
  'mediation.apply_confirmation': { zh: '申请司法确认', en: 'Apply for confirmation' },
  'mediation.record_confirmation_ruling': { zh: '记录法院裁定', en: 'Record court rulings' },
  'mediation.close': { zh: '纠纷结案', en: 'Close disputes' },
  'mediation.room': { zh: '在线调解室发言', en: 'Write in the room' },
  'mediation.configure': {
    zh: '维护调解组织、调解员与补贴标准',
    en: 'Configure mediation: committees, mediators, subsidies',
  },
  'mediation.subsidy': { zh: '以调定补结算', en: 'Subsidy statements' },
  'case.convert_to_dispute': { zh: '工单转人民调解', en: 'Convert cases to disputes' },
  'case.conclude_by_mediation': { zh: '工单随调解结案', en: 'Conclude cases by mediation' },
  'report.read': { zh: '查看报告', en: 'View reports' },
  'report.generate': { zh: '生成报告', en: 'Generate reports' },
  'report.configure': { zh: '设置定时报告', en: 'Schedule reports' },
  'safety.read': { zh: '查看企业、检查与隐患', en: 'View enterprises, inspections and hazards' },
  'safety.manage': { zh: '维护企业台账', en: 'Keep the enterprise register' },
  'safety.inspect': { zh: '开展监督检查', en: 'Inspect enterprises' },
  'hazard.record': { zh: '登记隐患', en: 'Record hazards' },
  'hazard.close_on_spot': { zh: '当场整改销号', en: 'Close hazards on the spot' },
  'hazard.report': { zh: '上报隐患', en: 'Report hazards' },
  'hazard.assign': { zh: '交办隐患整改', en: 'Assign rectification' },
  'hazard.start_rectification': { zh: '开始整改', en: 'Start rectification' },
  'hazard.submit_plan': { zh: '报送治理方案', en: 'Submit rectification plans' },
  'hazard.list_supervision': { zh: '挂牌督办', en: 'List hazards for supervision' },
  'hazard.request_extension': { zh: '申请整改延期', en: 'Ask for extensions' },
  'hazard.approve_extension': { zh: '同意整改延期', en: 'Approve extensions' },
  'hazard.refuse_extension': { zh: '不同意整改延期', en: 'Refuse extensions' },
  'hazard.rectify': { zh: '整改完成', en: 'Report rectification done' },
  'hazard.accept_rectification': { zh: '隐患验收', en: 'Accept rectifications' },
  'hazard.reject_rectification': { zh: '验收不通过', en: 'Reject rectifications' },
  'hazard.close': { zh: '隐患销号', en: 'Close hazards' },
};

const CASE_ACTION_PERMISSIONS = new Set<string>(CASE_ACTIONS.map((action) => `case.${action}`));

/** The resource part of a permission (`case` of `case.dispatch`). */
export function permissionGroupOf(permission: string): string {
  return permission.slice(0, permission.indexOf('.'));
}

/** The label of a group of permissions in the given language; an unknown group shows its identifier. */
export function permissionGroupLabel(group: string, locale: Locale): string {
  return GROUP_LABELS[group]?.[locale === 'en' ? 'en' : 'zh'] ?? group;
}

/** The label of a permission in the given language; an unknown permission shows its identifier. */
export function permissionLabel(permission: string, locale: Locale): string {
  if (CASE_ACTION_PERMISSIONS.has(permission))
    return caseActionLabel(permission.slice('case.'.length), locale);
  const label = OTHER_PERMISSION_LABELS[permission as keyof typeof OTHER_PERMISSION_LABELS];
  return label?.[locale === 'en' ? 'en' : 'zh'] ?? permission;
}

import { z } from 'zod';
import { CASE_ACTIONS, type CaseAction } from '../cases/case-actions.js';
import { CASE_TRANSITIONS } from '../cases/case-state-machine.js';
import type { GridFindingAction } from '../grid/grid-finding-lifecycle.js';
import type { GridTaskAction } from '../grid/grid-task-lifecycle.js';
import { HAZARD_ACTIONS, HAZARD_TRANSITIONS, type HazardAction } from '../hazards/hazard-lifecycle.js';
import type { MarketOrderAction } from '../marketplace/market-order-lifecycle.js';
import type { CaseMediationAction } from '../mediation/case-mediation-lifecycle.js';
import { DISPUTE_ACTIONS, DISPUTE_TRANSITIONS, type DisputeAction } from '../mediation/dispute-lifecycle.js';
import { PETITION_ACTIONS, type PetitionAction } from '../petitions/petition-lifecycle.js';
import type { Role } from './roles.js';

/**
 * Every permission of the platform, as `resource.action`. `personal_data.read` lets a role see phone
 * numbers, ID numbers and addresses unmasked. A route declares exactly one of these (or is
 * public); roles are granted sets of them. The grants below are the defaults written at seed time; an admin
 * may change them, and every change is audited.
 */
export const PERMISSIONS = [
  'org.read',
  'org.write',
  'user.read',
  'user.write',
  'role.read',
  'role.write',
  'audit.read',
  'catalog.read',
  'catalog.write',
  'calendar.read',
  'calendar.write',
  'knowledge.read',
  'knowledge.write',
  'reply_template.read',
  'reply_template.write',
  'personal_data.read',
  // one's own in-app notifications and the live stream (SSE) of what happens in one's scope
  'notification.read',
  // the case spine: reading cases in one's scope, and one permission per lifecycle action (`case.<action>`)
  'case.read',
  'case.register',
  'case.resolve_on_call',
  'case.dispatch',
  'case.accept',
  'case.return',
  'case.progress',
  'case.request_extension',
  'case.approve_extension',
  'case.refuse_extension',
  'case.reply',
  'case.review',
  'case.rework',
  'case.callback',
  'case.close',
  'case.reopen',
  'case.supervise',
  'case.merge',
  'case.unmerge',
  'case.transfer_to_110',
  'case.transfer_from_110',
  'case.escalate',
  'case.consult',
  'case.invalidate',
  // the .xlsx export of a case list (bulk personal data, hence apart from `case.read`)
  'case.export',
  // attaching photos and documents to a case (reading them follows `case.read`)
  'case.attach',
  // the case spine's settings: the auto-dispatch threshold, the rework limit
  'case.configure',
  // the measures (考核): reading them, and setting their weights and coefficients
  'kpi.read',
  'kpi.configure',
  // the command hall's big screen (城市运行一个屏): the city's numbers, map and live cases of one's scope
  'dashboard.read',
  // duplicate lookups (查重) for intake and dispatch; early warnings (苗头性问题预警): read, acknowledge, run now
  'intelligence.duplicates',
  'warning.read',
  'warning.acknowledge',
  'warning.run',
  // the classifier's suggestion (categories, unit, 110 flag) for a message being registered or dispatched
  'intelligence.classify',
  // grid management (网格化服务管理): reading patrols, findings, tasks and the grid's numbers in one's scope
  'grid.read',
  // patrolling one's own grid (start, track, end)
  'grid.patrol',
  // the grid finding lifecycle: one permission per action (`grid_finding.<action>`)
  'grid_finding.record',
  'grid_finding.solve_on_spot',
  'grid_finding.report_up',
  'grid_finding.refer_hazard',
  'grid_finding.conclude',
  'grid_finding.dismiss',
  // grid tasks (网格任务下派): one permission per action (`grid_task.<action>`)
  'grid_task.assign',
  'grid_task.complete',
  'grid_task.cancel',
  // patrol plans of the grids, and the temporary items of the admission list
  'grid_plan.write',
  'grid_admission.write',
  // the open API (Open311 GeoReport v2): integrators' API keys and which catalog leaves are offered
  'open311.manage',
  // the grid's registers (基础信息: houses, residents, organisations) in one's scope: reading them (ID numbers
  // and phones masked; unmasked only with `personal_data.read`, each such read audited), and keeping them
  'grid_register.read',
  'grid_register.write',
  // the .xlsx export of a register (bulk personal data, hence apart from reading)
  'grid_register.export',
  // recording a household visit (入户走访) to a house of one's scope
  'grid_visit.record',
  // mediation (矛盾纠纷多元化解): reading disputes, committees and the numbers in one's scope
  'mediation.read',
  // the dispute lifecycle: one permission per action (`mediation.<action>`)
  'mediation.register',
  'mediation.accept',
  'mediation.assign',
  'mediation.consent',
  'mediation.refuse',
  'mediation.extend',
  'mediation.record_session',
  'mediation.agree',
  'mediation.confirm_agreement',
  'mediation.fail',
  'mediation.escalate',
  'mediation.refer',
  'mediation.refer_to_hotline',
  'mediation.transfer_to_case',
  'mediation.record_performance',
  'mediation.apply_confirmation',
  'mediation.record_confirmation_ruling',
  'mediation.close',
  // writing in a dispute's online room (在线调解室) as its mediator
  'mediation.room',
  // committees, mediators, studios and the subsidy table (以调定补)
  'mediation.configure',
  // the monthly subsidy statement and its .xlsx export
  'mediation.subsidy',
  // a 12345 case that is a dispute becomes one; the platform concludes it with the dispute's outcome
  'case.convert_to_dispute',
  'case.conclude_by_mediation',
  // the reports (每日汇总·每周研判·每月总结, 研判专刊) of the orgs in one's scope: reading and downloading them,
  // and having one produced now
  'report.read',
  'report.generate',
  // which reports the platform produces by itself, for which orgs, when (定时报告)
  'report.configure',
  // petition agency (信访"两全"代办): reading petitions and their numbers in one's scope
  'petition.read',
  // the petition lifecycle: one permission per action (`petition.<action>`)
  'petition.register',
  'petition.accept',
  'petition.refuse',
  'petition.verify',
  'petition.contact',
  'petition.extend',
  'petition.answer',
  'petition.feedback',
  'petition.request_review',
  'petition.review',
  'petition.request_re_review',
  'petition.start_hearing',
  'petition.end_hearing',
  'petition.re_review',
  'petition.close',
  'petition.visit_back',
  'petition.flag_risk',
  'petition.unflag_risk',
  'petition.take',
  'petition.attach_signed_entrustment',
  // the legal time limits of petitions (信访工作条例), configurable because regulations change
  'petition.configure',
  // a 12345 case that is a petition becomes one at an agency point (转信访代办); the platform concludes it when
  // the petition is closed (随信访办结)
  'case.convert_to_petition',
  'case.conclude_by_petition',
  // the convenience-service marketplace (民需我应): reading orders (a merchant his own), and one permission per
  // order action (`market_order.<action>`)
  'market.read',
  'market_order.order',
  'market_order.offer',
  'market_order.expire',
  'market_order.queue',
  'market_order.assign',
  'market_order.contact_owner',
  'market_order.accept',
  'market_order.refuse',
  'market_order.depart',
  'market_order.start',
  'market_order.complete',
  'market_order.rate',
  'market_order.complain',
  'market_order.cancel',
  // the centre reviews merchants (商户入驻审核: approve, refuse, suspend, reinstate, remove); the administrator
  // keeps the service items (服务项目管理)
  'market_merchant.review',
  'market_item.manage',
  // the weights of the dispatch rule (派单规则), set by an administrator
  'market.configure',
  // safety production (安全生产隐患排查治理): reading enterprises, inspections, hazards and their numbers in one's
  // scope; keeping the enterprise register (and its Excel import); inspecting with a checklist
  'safety.read',
  'safety.manage',
  'safety.inspect',
  // an enterprise's account signs its quarterly and annual hazard statistics (令第16号 art. 14)
  'safety.confirm_report',
  // the hazard lifecycle: one permission per action (`hazard.<action>`)
  'hazard.record',
  'hazard.close_on_spot',
  'hazard.report',
  'hazard.assign',
  'hazard.start_rectification',
  'hazard.submit_plan',
  'hazard.list_supervision',
  'hazard.request_extension',
  'hazard.approve_extension',
  'hazard.refuse_extension',
  'hazard.rectify',
  'hazard.accept_rectification',
  'hazard.reject_rectification',
  'hazard.close',
  // smart-safe communities (智安小区): reading estates, devices, alerts and rules in one's scope; registering
  // devices; handling alerts (确认、立案、排除); editing the rules that turn alerts into cases
  'iot.read',
  'iot.manage_devices',
  'iot.handle_alerts',
  'iot.manage_rules',
] as const;
export const Permission = z.enum(PERMISSIONS);
export type Permission = z.infer<typeof Permission>;

/** The permission a route of a lifecycle action requires: `case.dispatch` for `dispatch` … */
export function casePermissionOf(action: CaseAction): Permission {
  return `case.${action}` as Permission;
}

/** The permission of grid finding action `action`: `grid_finding.report_up` … */
export function gridFindingPermissionOf(action: GridFindingAction): Permission {
  return `grid_finding.${action}` as Permission;
}

/** The permission of grid task action `action`: `grid_task.assign` … */
export function gridTaskPermissionOf(action: GridTaskAction): Permission {
  return `grid_task.${action}` as Permission;
}

/** The permission of dispute action `action`: `mediation.agree` … */
export function mediationPermissionOf(action: DisputeAction): Permission {
  return `mediation.${action}` as Permission;
}

/** The permission of petition action `action`: `petition.accept` … */
export function petitionPermissionOf(action: PetitionAction): Permission {
  return `petition.${action}` as Permission;
}

/** The permission of service-order action `action`: `market_order.accept` … */
export function marketOrderPermissionOf(action: MarketOrderAction): Permission {
  return `market_order.${action}` as Permission;
}

/** The permission of hazard action `action`: `hazard.assign` … */
export function hazardPermissionOf(action: HazardAction): Permission {
  return `hazard.${action}` as Permission;
}

/** The hazard-action permissions a role gets by default: exactly the actions the hazard table lets it take. */
function hazardActionGrants(role: Role): Permission[] {
  return HAZARD_ACTIONS.filter((a) => (HAZARD_TRANSITIONS[a].roles as readonly Role[]).includes(role)).map(
    hazardPermissionOf,
  );
}

/** The permission of a case's mediation step: `case.convert_to_dispute` … */
export function caseMediationPermissionOf(action: CaseMediationAction): Permission {
  return `case.${action}` as Permission;
}

/**
 * The dispute-action permissions a role gets by default: exactly the actions the dispute table lets it take.
 * Citizens are left out: a party confirms in the room with his code (the room grants it to his session alone).
 */
function mediationActionGrants(role: Role): Permission[] {
  if (role === 'citizen') return [];
  return DISPUTE_ACTIONS.filter((a) => (DISPUTE_TRANSITIONS[a].roles as readonly Role[]).includes(role)).map(
    mediationPermissionOf,
  );
}

/** What every staff role reads: the org tree, the catalog, the calendar, and its own notifications. */
const STAFF_READ: Permission[] = ['org.read', 'catalog.read', 'calendar.read', 'notification.read'];
/** The knowledge base and the reply templates, for the staff who answer citizens. */
const ANSWER_READ: Permission[] = ['knowledge.read', 'reply_template.read'];

/**
 * The case-action permissions a role gets by default: exactly the actions the lifecycle table lets it take.
 * Citizens are left out on purpose: the citizen portal registers through its own routes, which pin the
 * source and channel, rather than through the staff intake.
 */
function caseActionGrants(role: Role): Permission[] {
  if (role === 'citizen') return [];
  return CASE_ACTIONS.filter((a) => (CASE_TRANSITIONS[a].roles as readonly Role[]).includes(role)).map(
    casePermissionOf,
  );
}

const CASE_STAFF: (role: Role) => Permission[] = (role) => ['case.read', ...caseActionGrants(role)];

/** Who keeps the grid's registers in his scope: a town's handlers (街道/镇) and the centres' dispatchers. */
const REGISTER_KEEPERS: Permission[] = ['grid_register.read', 'grid_register.write', 'grid_register.export'];

/** Default grants of each role. */
export const DEFAULT_ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  citizen: ['catalog.read'],
  agent: [
    ...STAFF_READ,
    ...ANSWER_READ,
    'personal_data.read',
    ...CASE_STAFF('agent'),
    'case.export',
    'case.attach',
    'intelligence.duplicates',
    'intelligence.classify',
    'mediation.read',
    ...mediationActionGrants('agent'),
    'case.convert_to_dispute',
    'petition.read',
    'petition.register',
    'case.convert_to_petition',
    'market.read',
    'market_order.order',
    'market_order.contact_owner',
  ],
  dispatcher: [
    ...STAFF_READ,
    ...ANSWER_READ,
    'user.read',
    'personal_data.read',
    ...CASE_STAFF('dispatcher'),
    'case.export',
    'case.attach',
    'kpi.read',
    'dashboard.read',
    'intelligence.duplicates',
    'intelligence.classify',
    'warning.read',
    'warning.acknowledge',
    'grid.read',
    'grid_task.assign',
    'grid_task.cancel',
    'grid_plan.write',
    ...REGISTER_KEEPERS,
    'mediation.read',
    ...mediationActionGrants('dispatcher'),
    'mediation.subsidy',
    'case.convert_to_dispute',
    'petition.read',
    'petition.register',
    'case.convert_to_petition',
    'report.read',
    'report.generate',
    'market.read',
    'market_order.assign',
    'market_order.contact_owner',
    'market_order.cancel',
    'market_merchant.review',
    'safety.read',
    'safety.manage',
    ...hazardActionGrants('dispatcher'),
    'iot.read',
    'iot.manage_devices',
    'iot.handle_alerts',
    'iot.manage_rules',
  ],
  handler: [
    ...STAFF_READ,
    ...ANSWER_READ,
    'personal_data.read',
    'intelligence.classify',
    ...CASE_STAFF('handler'),
    'case.attach',
    'grid.read',
    'grid_task.assign',
    'grid_task.cancel',
    ...REGISTER_KEEPERS,
    // a unit's or a town's inspectors (应急管理局 …): the register, inspections and the hazards they supervise
    'safety.read',
    'safety.manage',
    'safety.inspect',
    ...hazardActionGrants('handler'),
    // a community's or a town's staff register the estates' devices and handle their alerts
    'iot.read',
    'iot.manage_devices',
    'iot.handle_alerts',
  ],
  grid_worker: [
    ...STAFF_READ,
    'personal_data.read',
    'intelligence.classify',
    ...CASE_STAFF('grid_worker'),
    'case.attach',
    'grid.read',
    'grid.patrol',
    'grid_finding.record',
    'grid_finding.solve_on_spot',
    'grid_finding.report_up',
    'grid_finding.refer_hazard',
    'grid_finding.dismiss',
    'grid_task.complete',
    // his own grid's register, kept on the spot; the bulk export stays with the towns and the centre
    'grid_register.read',
    'grid_register.write',
    'grid_visit.record',
    ...mediationActionGrants('grid_worker'),
    'safety.read',
    ...hazardActionGrants('grid_worker'),
    'iot.read',
    'iot.handle_alerts',
  ],
  // a mediator registers a dispute he escalates (调解转办) but reads no cases: disputes are his, not the spine;
  // he reads the parties' contacts in full to reach them
  mediator: [
    ...STAFF_READ,
    ...caseActionGrants('mediator'),
    'personal_data.read',
    'mediation.read',
    ...mediationActionGrants('mediator'),
    'mediation.room',
  ],
  supervisor: [
    ...STAFF_READ,
    ...ANSWER_READ,
    'user.read',
    ...CASE_STAFF('supervisor'),
    'case.export',
    'kpi.read',
    'dashboard.read',
    'intelligence.duplicates',
    'intelligence.classify',
    'warning.read',
    'warning.acknowledge',
    'grid.read',
    'grid_register.read',
    'mediation.read',
    'petition.read',
    'report.read',
    'report.generate',
    'safety.read',
    'hazard.list_supervision',
    'iot.read',
  ],
  leader: [
    ...STAFF_READ,
    ...ANSWER_READ,
    'user.read',
    ...CASE_STAFF('leader'),
    'case.export',
    'kpi.read',
    'dashboard.read',
    'warning.read',
    'warning.acknowledge',
    'grid.read',
    'grid_register.read',
    'mediation.read',
    'petition.read',
    'report.read',
    'report.generate',
    'safety.read',
    'hazard.list_supervision',
    'iot.read',
  ],
  // a petition agent (a police officer at an agency point …) takes petitions in and carries them through; he
  // reads the petitioners' contacts in full to reach them
  petition_agent: [
    ...STAFF_READ,
    'personal_data.read',
    'petition.read',
    ...PETITION_ACTIONS.map(petitionPermissionOf),
  ],
  merchant: [
    'catalog.read',
    'notification.read',
    'market.read',
    'market_order.accept',
    'market_order.refuse',
    'market_order.depart',
    'market_order.start',
    'market_order.complete',
    'market_order.cancel',
  ],
  // an enterprise's account: its own hazards (its self-check's among them) and the signature of its reports
  enterprise: ['safety.read', ...hazardActionGrants('enterprise'), 'safety.confirm_report'],
  admin: [...PERMISSIONS],
};

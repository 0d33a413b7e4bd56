import type { CaseAction } from '@shanzhi/shared';
import { describe, expect, it } from 'vitest';
import type { MessageKey } from '../../i18n/messages.zh-CN.js';
import { zhCN } from '../../i18n/messages.zh-CN.js';
import { idleText } from './idle-reason.js';

const t = (key: MessageKey, values: Record<string, string | number> = {}) =>
  zhCN[key].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));

const CITY = { id: 1, name: '乌海市市域社会治理中心', kind: 'center' };
const HOUSING = { id: 2, name: '乌海市住房和城乡建设局', kind: 'unit' };
const row = { actions: [] as CaseAction[], currentOrg: CITY, leadUnit: HOUSING };

describe('why a row has no button', () => {
  it('names the centre that holds the case', () => {
    expect(idleText({ ...row, idleReason: 'held_by_other_centre' }, t)).toBe(
      '由乌海市市域社会治理中心负责，仅可查看',
    );
  });

  it('names the unit that handles it', () => {
    expect(idleText({ ...row, idleReason: 'with_other_unit' }, t)).toBe(
      '由乌海市住房和城乡建设局承办，仅可查看',
    );
  });

  it('says the step is someone else’s', () => {
    expect(idleText({ ...row, idleReason: 'not_your_step' }, t)).toBe('当前环节无需您办理');
  });

  it('sends to the case page when the server lists actions the place does not show', () => {
    expect(idleText({ ...row, actions: ['consult'], idleReason: null }, t)).toBe('请在工单详情中办理');
  });
});

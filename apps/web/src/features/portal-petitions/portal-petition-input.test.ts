import { PortalPetitionInput } from '@shanzhi/shared';
import { describe, expect, it } from 'vitest';
import { portalPetitionOf } from './portal-petition-input.js';

describe('the portal petition form', () => {
  it('trims what was typed and leaves a blank responsible body out', () => {
    const input = portalPetitionOf({
      name: ' 韩德胜 ',
      idNumber: '150302194805120019 ',
      phone: ' 13947312345',
      matter: '  小区燃气改造收费不合规，请帮忙核实 ',
      responsibleBody: '   ',
      orgId: 7,
    });
    expect(input).toEqual({
      name: '韩德胜',
      idNumber: '150302194805120019',
      phone: '13947312345',
      matter: '小区燃气改造收费不合规，请帮忙核实',
      orgId: 7,
    });
    expect(PortalPetitionInput.safeParse(input).success).toBe(true);
  });

  it('leaves the missing agency point for the schema to name', () => {
    const parsed = PortalPetitionInput.safeParse(portalPetitionOf({ name: '韩德胜' }));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path[0])).toEqual(
      expect.arrayContaining(['idNumber', 'phone', 'matter', 'orgId']),
    );
  });
});

import { describe, expect, it } from 'vitest';
import type { PickedPlace } from '../cases/components/LocationField.js';
import { bodyOf, checkIntake, INTAKE_INITIAL } from './intake-values.js';

const place = { point: { lng: 106.8, lat: 39.67 }, areaName: '海勃湾区滨河街道' } as PickedPlace;

describe('the intake form as the request body', () => {
  it('trims text, leaves out empty text and what the form does not have, and takes the picked point', () => {
    const body = bodyOf(
      { ...INTAKE_INITIAL, citizenPhone: ' 13912345678 ', title: '   ', content: '路灯不亮', extra: 'x' },
      place,
    );
    expect(body).toEqual({
      ...INTAKE_INITIAL,
      citizenPhone: '13912345678',
      content: '路灯不亮',
      location: { longitude: 106.8, latitude: 39.67 },
    });
  });

  it('sends no location when no point was picked', () => {
    expect(bodyOf({ content: '路灯不亮', location: undefined, categoryId: null }, null)).toEqual({
      content: '路灯不亮',
    });
  });
});

describe('checking the intake form before it is sent', () => {
  it('answers the body the server accepts', () => {
    const check = checkIntake({ ...INTAKE_INITIAL, content: '路灯不亮' }, null);
    expect(check).toMatchObject({ ok: true, body: { content: '路灯不亮', source: 'hotline_12345' } });
  });

  it("puts the schema's first message on each field it names", () => {
    const check = checkIntake({ ...INTAKE_INITIAL, citizenPhone: '1390' }, null);
    expect(check).toEqual({
      ok: false,
      errors: new Map([
        ['content', '请填写诉求内容'],
        ['citizenPhone', '联系电话格式不正确'],
      ]),
      unplaced: [],
    });
  });

  it('asks a request transferred from 110 for its incident number', () => {
    const check = checkIntake({ ...INTAKE_INITIAL, source: 'transfer_110', content: '路灯不亮' }, null);
    expect(check).toEqual({
      ok: false,
      errors: new Map([['externalRef', '110转入须填写110警情编号']]),
      unplaced: [],
    });
  });
});

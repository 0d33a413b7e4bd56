import { describe, expect, it } from 'vitest';
import { Open311Attribute, Open311ServiceInput } from './open311.schemas.js';
import { checkOpen311Attributes } from './open311-attributes.js';

const plate = Open311Attribute.parse({
  code: 'plate',
  datatype: 'string',
  required: true,
  description: '车牌号',
  datatypeDescription: '如 蒙C12345',
});
const colour = Open311Attribute.parse({
  code: 'colour',
  datatype: 'singlevaluelist',
  required: false,
  description: '车身颜色',
  values: [
    { key: 'white', name: '白色' },
    { key: 'black', name: '黑色' },
  ],
});
const blocked = Open311Attribute.parse({
  code: 'blocked',
  datatype: 'multivaluelist',
  required: false,
  description: '堵住了什么',
  values: [
    { key: 'gate', name: '大门' },
    { key: 'fire_lane', name: '消防通道' },
  ],
});
const since = Open311Attribute.parse({
  code: 'since',
  datatype: 'datetime',
  required: false,
  description: '何时开始',
});
const count = Open311Attribute.parse({
  code: 'count',
  datatype: 'number',
  required: false,
  description: '车辆数',
});
const notice = Open311Attribute.parse({
  code: 'notice',
  datatype: 'text',
  required: false,
  variable: false,
  description: '请勿拨打车主电话骚扰',
});
const ALL = [plate, colour, blocked, since, count, notice];

describe('the answers of a request to its service’s attributes', () => {
  it('records the answers for people, in the order of the definition, with the names of the values picked', () => {
    const { answered, problems } = checkOpen311Attributes(ALL, {
      plate: ' 蒙C12345 ',
      colour: 'white',
      blocked: ['gate', 'fire_lane'],
      since: '2026-09-30T08:00:00+08:00',
      count: '2',
    });
    expect(problems).toEqual([]);
    expect(answered).toEqual([
      { code: 'plate', description: '车牌号', answer: '蒙C12345' },
      { code: 'colour', description: '车身颜色', answer: '白色' },
      { code: 'blocked', description: '堵住了什么', answer: '大门、消防通道' },
      { code: 'since', description: '何时开始', answer: '2026-09-30T08:00:00+08:00' },
      { code: 'count', description: '车辆数', answer: '2' },
    ]);
  });

  it('refuses a required attribute left out or empty', () => {
    expect(checkOpen311Attributes(ALL, {}).problems).toEqual([
      { field: 'attribute[plate]', message: '请填写「车牌号」' },
    ]);
    expect(checkOpen311Attributes(ALL, { plate: '  ' }).problems).toHaveLength(1);
  });

  it.each([
    ['a line break in a string', { plate: '蒙C\n12345' }, 'attribute[plate]'],
    ['two values for a string', { plate: ['蒙C1', '蒙C2'] }, 'attribute[plate]'],
    ['a word for a number', { plate: 'x', count: 'two' }, 'attribute[count]'],
    ['a date that is no date', { plate: 'x', since: 'yesterday' }, 'attribute[since]'],
    ['a value off the list', { plate: 'x', colour: 'purple' }, 'attribute[colour]'],
    ['two values for a single-value list', { plate: 'x', colour: ['white', 'black'] }, 'attribute[colour]'],
    ['one value off a multi-value list', { plate: 'x', blocked: ['gate', 'roof'] }, 'attribute[blocked]'],
  ])('refuses %s', (_what, answers, field) => {
    const { problems } = checkOpen311Attributes(ALL, answers);
    expect(problems.map((p) => p.field)).toEqual([field]);
  });

  it('leaves aside answers to attributes the service does not ask and to lines that only inform', () => {
    const { answered, problems } = checkOpen311Attributes(ALL, {
      plate: '蒙C12345',
      fixmystreet_id: '123',
      notice: 'ignored',
    });
    expect(problems).toEqual([]);
    expect(answered.map((a) => a.code)).toEqual(['plate']);
  });
});

describe('the definition of a service’s attributes', () => {
  it('needs values for a list and none for the other datatypes', () => {
    expect(
      Open311Attribute.safeParse({
        code: 'c',
        datatype: 'singlevaluelist',
        required: false,
        description: 'd',
      }).success,
    ).toBe(false);
    expect(
      Open311Attribute.safeParse({
        code: 'c',
        datatype: 'string',
        required: false,
        description: 'd',
        values: [{ key: 'a', name: 'A' }],
      }).success,
    ).toBe(false);
  });

  it('refuses codes a client could not send, repeated codes and a required line that only informs', () => {
    expect(
      Open311Attribute.safeParse({ code: 'a b', datatype: 'string', required: false, description: 'd' })
        .success,
    ).toBe(false);
    expect(
      Open311Attribute.safeParse({
        code: 'a',
        datatype: 'string',
        required: true,
        variable: false,
        description: 'd',
      }).success,
    ).toBe(false);
    const twice = { code: 'a', datatype: 'string', required: false, description: 'd' };
    expect(Open311ServiceInput.safeParse({ published: true, attributes: [twice, twice] }).success).toBe(
      false,
    );
  });
});

import { isListDatatype, type Open311Attribute } from './open311.schemas.js';

/** What a client sent for a service's attributes: `attribute[code]=…`, several values for a multi-value list. */
export type Open311AttributeAnswers = Readonly<Record<string, string | readonly string[]>>;

/** One answered attribute, as the case records it: the question and the answer for people. */
export interface Open311AnsweredAttribute {
  code: string;
  description: string;
  /** the answer as typed, or the names of the values picked */
  answer: string;
}

/** A refused answer: the `attribute[code]` field and why. */
export interface Open311AttributeProblem {
  field: string;
  message: string;
}

const STRING_MAX = 200;
const TEXT_MAX = 2_000;
const NUMBER = /^[-+]?\d+(\.\d+)?$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

function valuesOf(answer: string | readonly string[] | undefined): string[] {
  if (answer === undefined) return [];
  return (typeof answer === 'string' ? [answer] : [...answer]).map((v) => v.trim()).filter(Boolean);
}

/** Why one answer does not fit its attribute's datatype, or null. */
function misfit(attribute: Open311Attribute, values: readonly string[]): string | null {
  const [first] = values;
  switch (attribute.datatype) {
    case 'string':
      if (values.length > 1) return '只能填写一个值';
      if (/[\r\n]/.test(first!)) return '不能换行';
      return first!.length > STRING_MAX ? `不能超过 ${STRING_MAX} 个字` : null;
    case 'text':
      if (values.length > 1) return '只能填写一个值';
      return first!.length > TEXT_MAX ? `不能超过 ${TEXT_MAX} 个字` : null;
    case 'number':
      if (values.length > 1) return '只能填写一个值';
      return NUMBER.test(first!) ? null : '须为数字';
    case 'datetime':
      if (values.length > 1) return '只能填写一个值';
      return ISO_DATE_TIME.test(first!) && !Number.isNaN(Date.parse(first!))
        ? null
        : '须为 ISO 8601 日期时间';
    case 'singlevaluelist':
      if (values.length > 1) return '只能选择一项';
      return attribute.values.some((v) => v.key === first) ? null : '不是可选的值';
    case 'multivaluelist':
      return values.every((value) => attribute.values.some((v) => v.key === value)) ? null : '含有不可选的值';
  }
}

/**
 * The answers of a request checked against its service's attributes (GeoReport v2 datatypes): a required
 * attribute must be answered, every answer must fit its datatype, and a list's answers must be among its
 * values. Answers to attributes the service does not define are left aside — FixMyStreet, for one, sends
 * its own (`fixmystreet_id`, `easting` …) to every server — and so are answers to lines that only inform.
 */
export function checkOpen311Attributes(
  attributes: readonly Open311Attribute[],
  answers: Open311AttributeAnswers,
): { answered: Open311AnsweredAttribute[]; problems: Open311AttributeProblem[] } {
  const answered: Open311AnsweredAttribute[] = [];
  const problems: Open311AttributeProblem[] = [];
  for (const attribute of attributes) {
    if (!attribute.variable) continue;
    const field = `attribute[${attribute.code}]`;
    const values = valuesOf(answers[attribute.code]);
    if (values.length === 0) {
      if (attribute.required) problems.push({ field, message: `请填写「${attribute.description}」` });
      continue;
    }
    const why = misfit(attribute, values);
    if (why) {
      problems.push({ field, message: `「${attribute.description}」${why}` });
      continue;
    }
    const names = isListDatatype(attribute.datatype)
      ? values.map((key) => attribute.values.find((v) => v.key === key)!.name)
      : values;
    answered.push({ code: attribute.code, description: attribute.description, answer: names.join('、') });
  }
  return { answered, problems };
}

import { z } from 'zod';

const zhCN = z.locales.zhCN().localeError;

// How a size reads in Chinese, by what is measured: a text's characters, a list's items, a file's bytes.
const UNITS: Record<string, string> = { string: '个字符', array: '项', set: '项', file: '字节' };

type Issue = Parameters<typeof zhCN>[0];

/**
 * A message for a person at the counter or on the phone when zod's own would speak to a programmer
 * ("数值过大：期望 string <=64 字符"): sizes and limits in plain Chinese, a missing value as required.
 * Undefined for the issues whose zod message reads well.
 */
function plainMessage(issue: Issue): string | undefined {
  if (issue.code === 'too_big') {
    const unit = UNITS[issue.origin];
    const limit = Number(issue.maximum) - (issue.inclusive === false ? 1 : 0);
    if (unit) return `不能超过 ${limit} ${unit}`;
    if (issue.origin === 'number' || issue.origin === 'int')
      return issue.inclusive === false ? `必须小于 ${issue.maximum}` : `不能大于 ${issue.maximum}`;
    if (issue.origin === 'date') return '日期太晚';
  }
  if (issue.code === 'too_small') {
    const unit = UNITS[issue.origin];
    const limit = Number(issue.minimum) + (issue.inclusive === false ? 1 : 0);
    if (unit) return limit <= 1 && issue.origin === 'string' ? '不能为空' : `至少 ${limit} ${unit}`;
    if (issue.origin === 'number' || issue.origin === 'int')
      return issue.inclusive === false ? `必须大于 ${issue.minimum}` : `不能小于 ${issue.minimum}`;
    if (issue.origin === 'date') return '日期太早';
  }
  if (issue.code === 'invalid_type') return issue.input === undefined ? '必填' : '格式不正确';
  return undefined;
}

// Validation messages are for the people at the counter and on the phone: Chinese by default, for every
// schema of the platform (messages written on a schema still take precedence).
z.config({ localeError: (issue) => plainMessage(issue) ?? zhCN(issue) });

import { ZxcvbnFactory, type ZxcvbnResult } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';
import { fieldError } from '../errors/app-error.js';
import { BANNED_PASSWORD_WORDS } from './known-passwords.js';

/** The lowest zxcvbn score (0–4) a new password must reach: 3 is "safely unguessable" for an online attack. */
export const MIN_PASSWORD_SCORE = 3;

/** The stable code of the `password` field error of a password that is too easy to guess. */
export const WEAK_PASSWORD_CODE = 'weak_password';

// Building the ranked dictionaries takes a few hundred milliseconds: done once, when first needed.
let estimator: ZxcvbnFactory | undefined;
function estimatorOf(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary, platform: [...BANNED_PASSWORD_WORDS] },
    graphs: common.adjacencyGraphs,
  });
  return estimator;
}

// zxcvbn-ts ships no Chinese translation; its warnings come back as keys.
const WARNINGS: Record<string, string> = {
  straightRow: '键盘上连续的一排按键很容易被猜中',
  keyPattern: '键盘上的简单图案很容易被猜中',
  simpleRepeat: '重复的字符（如 aaa）很容易被猜中',
  extendedRepeat: '重复的字符组合（如 abcabc）很容易被猜中',
  sequences: '常见的字符序列（如 abc、123）很容易被猜中',
  recentYears: '近年的年份很容易被猜中',
  dates: '日期很容易被猜中',
  topTen: '这是最常用的密码之一',
  topHundred: '这是非常常用的密码',
  common: '这是常用密码',
  similarToCommon: '与常用密码过于相似',
  wordByItself: '单个词语很容易被猜中',
  namesByThemselves: '单独的姓名很容易被猜中',
  commonNames: '常见的姓名很容易被猜中',
  userInputs: '密码不能包含用户名或姓名',
};

function messageOf(result: ZxcvbnResult): string {
  const usesPlatformWord = result.sequence.some(
    (match) => 'dictionaryName' in match && match.dictionaryName === 'platform',
  );
  const why = usesPlatformWord
    ? '不能使用演示密码、平台或城市名称及常见拼音密码'
    : (WARNINGS[result.feedback.warning ?? ''] ?? '容易被猜中');
  return `密码强度不足：${why}。请使用更长、更不易猜测的密码（例如几个不相关的词加数字和符号）`;
}

/**
 * Refuses a new password that is easy to guess — a common password, one built on the demo password or the
 * platform's names, or on `userInputs` (the user's username, name …) — with 400 VALIDATION_FAILED on `field`
 * (code `weak_password`) and a message saying why.
 */
export function assertStrongPassword(
  password: string,
  userInputs: readonly string[],
  field = 'password',
): void {
  const inputs = userInputs.map((input) => input.trim().toLowerCase()).filter((input) => input.length > 0);
  const result = estimatorOf().check(password, inputs);
  if (result.score < MIN_PASSWORD_SCORE) throw fieldError(field, WEAK_PASSWORD_CODE, messageOf(result));
}

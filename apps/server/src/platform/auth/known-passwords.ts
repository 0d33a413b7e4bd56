/** The password of the demo accounts as the README documents it: known to everyone, so never a real one. */
export const DOCUMENTED_DEMO_PASSWORD = 'Shanzhi@2026';

/**
 * Words a password must not be built on, beyond the common-password lists of zxcvbn: the platform's and the
 * city's names (and so the demo password), and the pinyin words and number codes that top Chinese password
 * leaks. No Chinese dictionary ships for zxcvbn-ts, so these few stand in for one.
 */
export const BANNED_PASSWORD_WORDS: readonly string[] = [
  DOCUMENTED_DEMO_PASSWORD.toLowerCase(),
  'shanzhi',
  'wuhai',
  'haibowan',
  'wuda',
  'hainan',
  'neimenggu',
  'neimeng',
  'zhongguo',
  'beijing',
  'woaini',
  'woaini1314',
  'aini1314',
  '5201314',
  '1314520',
  'iloveyou',
  'qq123456',
  'a123456',
  'abc123456',
  'zhang',
  'wang',
  'chen',
  'yang',
  'huang',
  'zhao',
  'zhou',
  'liu',
  'guanliyuan',
  'mima',
  'nihao',
  'zhangwei',
  'wangwei',
  'wangfang',
  'lijing',
  'liuyang',
];

import type { Translate } from '../../i18n/I18nProvider.js';
import type { Period, RankingLevel } from './api/measures.api.js';

// characters a file name may not hold on Windows or a Mac, and the slash of "Towns / streets"
const NOT_IN_FILE_NAMES = /[\\/:*?"<>|\s]+/g;

/** The name of the ranking's CSV: the level in words (考核排名_承办单位_2026-01-01_2026-06-30.csv). */
export function rankingFileName(level: RankingLevel, period: Period, t: Translate): string {
  const words = t(`measures.level.${level}`).replace(NOT_IN_FILE_NAMES, '_');
  return t('measures.csvFileName', { level: words, from: period.from, to: period.to });
}

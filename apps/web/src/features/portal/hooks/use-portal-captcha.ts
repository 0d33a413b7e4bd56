import { useState } from 'react';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { ApiError } from '../../../platform/api/index.js';
import type { PortalCaptchaAnswer } from '../api/portal.api.js';

/** The captcha fields of a portal form (see `PortalCaptchaField`). */
export interface CaptchaValues {
  captchaId?: string;
  captchaAnswer?: string;
}

/** A portal form's captcha: shown once the server asks for one, a new picture after every answer. */
export interface PortalCaptchaState {
  /** whether the form shows the captcha */
  shown: boolean;
  /** changes whenever a new picture is due */
  round: number;
  /** the answer to send with this attempt (when the captcha is shown); the picture is used up by it */
  answerOf(values: CaptchaValues): PortalCaptchaAnswer | undefined;
  /**
   * After a failed attempt: a new picture is due; when the server asked for a captcha (none sent, or a wrong
   * one) the captcha is shown and the answer is the sentence saying so, otherwise null.
   */
  noteFailure(error: unknown): string | null;
  /** After a successful attempt: the captcha is put away until the server asks again. */
  noteSuccess(): void;
}

/** The captcha state of a portal form that proves a case is the citizen's own (tracking, rating). */
export function usePortalCaptcha(): PortalCaptchaState {
  const { t } = useI18n();
  const [shown, setShown] = useState(false);
  const [round, setRound] = useState(0);
  return {
    shown,
    round,
    answerOf(values) {
      if (!shown || !values.captchaId || !values.captchaAnswer?.trim()) return undefined;
      return { captchaId: values.captchaId, captchaAnswer: values.captchaAnswer.trim() };
    },
    noteFailure(error) {
      // an answer sent is used up, right or wrong: the next attempt needs a new picture
      if (shown) setRound((r) => r + 1);
      if (!(error instanceof ApiError && error.code === 'CAPTCHA_REQUIRED')) return null;
      setShown(true);
      const wrong = error.fields.some((f) => f.code === 'captcha_wrong');
      return t(wrong ? 'portal.captchaWrong' : 'portal.captchaAsked');
    },
    noteSuccess() {
      setShown(false);
    },
  };
}

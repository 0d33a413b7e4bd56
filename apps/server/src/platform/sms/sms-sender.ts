import type { Config } from '../config/config.js';
import { AppError } from '../errors/app-error.js';

/** One text message to one phone. */
export interface SmsMessage {
  /** the phone in clear, digits as the party gave them */
  phone: string;
  /** the text, signature included */
  text: string;
}

/** Sends text messages (the room's access codes) through the city's SMS gateway. */
export interface SmsSender {
  send(message: SmsMessage): Promise<void>;
}

/** How long the gateway has to take a message before the sending is given up. */
const GATEWAY_TIMEOUT_MS = 10_000;

/**
 * The SMS gateway at `url` (`SMS_GATEWAY_URL`): each message POSTed as JSON `{ phone, text }`; any 2xx answer
 * means the gateway took it. Anything else — another status, no answer in 10 s — is 503 SMS_NOT_SENT, so
 * the caller learns that the message never left. Neither the phone nor the text goes to any log here: the
 * text carries a secret.
 */
export function httpSmsSender(url: string): SmsSender {
  return {
    async send(message) {
      let status: number;
      try {
        const answer = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ phone: message.phone, text: message.text }),
          signal: AbortSignal.timeout(GATEWAY_TIMEOUT_MS),
        });
        status = answer.status;
        await answer.body?.cancel();
      } catch {
        status = 0;
      }
      if (status < 200 || status > 299) {
        throw new AppError('SMS_NOT_SENT', `短信网关未能发送（${status || '无应答'}），请稍后重试`);
      }
    },
  };
}

/** The configured SMS sender, or null when no gateway is configured (`SMS_GATEWAY_URL` unset). */
export function smsSenderOf(config: Pick<Config, 'SMS_GATEWAY_URL'>): SmsSender | null {
  return config.SMS_GATEWAY_URL ? httpSmsSender(config.SMS_GATEWAY_URL) : null;
}

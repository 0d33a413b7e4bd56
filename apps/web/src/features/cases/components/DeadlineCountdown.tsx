import { Typography } from 'antd';
import dayjs from 'dayjs';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { useNow } from '../hooks/use-now.js';

/** `2天3小时` / `3 d 4 h` style remaining time, biggest two units. */
function durationText(ms: number, en: boolean): string {
  const minutes = Math.floor(ms / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  const seconds = Math.floor((ms % 60_000) / 1000);
  const u = en ? { d: ' d ', h: ' h ', m: ' min ', s: ' s' } : { d: '天', h: '小时', m: '分', s: '秒' };
  if (days > 0) return `${days}${u.d}${hours}${u.h}`.trim();
  if (hours > 0) return `${hours}${u.h}${mins}${u.m}`.trim();
  return `${mins}${u.m}${seconds}${u.s}`.trim();
}

/**
 * A deadline counting down live (剩余 2天3小时 / 已超期 1小时5分). Props: `deadline` (ISO) — nothing is shown
 * without one; `showDate` adds the deadline itself. Calendar time: the server's light says what counts.
 */
export function DeadlineCountdown({
  deadline,
  showDate = false,
}: {
  deadline: string | null;
  showDate?: boolean;
}) {
  const { t, locale } = useI18n();
  const now = useNow(1000);
  if (!deadline) return <Typography.Text type="secondary">—</Typography.Text>;
  const left = new Date(deadline).getTime() - now;
  const text = durationText(Math.abs(left), locale === 'en');
  return (
    <span>
      <Typography.Text type={left < 0 ? 'danger' : undefined} strong={left < 0}>
        {left < 0 ? t('cases.overdueBy', { time: text }) : t('cases.timeLeft', { time: text })}
      </Typography.Text>
      {showDate && (
        <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
          {dayjs(deadline).format('YYYY-MM-DD HH:mm')}
        </Typography.Text>
      )}
    </span>
  );
}

import { Card, Empty, Flex, Select, Table, Tag, Tooltip, Typography, theme } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { ErrorState } from '../../../components/ErrorState.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { useApi } from '../../../platform/api/index.js';
import { type CalendarDay, fetchYear } from '../api/calendar.api.js';
import styles from './YearView.module.css';

/** A year at a glance: twelve month grids marking holidays (休) and make-up working days (班). */
export function YearView({
  year,
  years,
  onYear,
}: {
  year: number;
  years: number[];
  onYear: (year: number) => void;
}) {
  const { t } = useI18n();
  const days = useApi((signal) => fetchYear(year, signal), [year]);
  const listed = useMemo(() => new Map((days.data ?? []).map((d) => [d.date, d])), [days.data]);

  const holidays = useMemo(() => {
    const groups = new Map<string, { name: string; off: string[]; work: string[] }>();
    for (const d of days.data ?? []) {
      const group = groups.get(d.name) ?? { name: d.name, off: [], work: [] };
      (d.isOffDay ? group.off : group.work).push(d.date);
      groups.set(d.name, group);
    }
    // In the order of their first day off (a make-up day may come before the holiday it pays for).
    const first = (g: { off: string[]; work: string[] }) => g.off[0] ?? g.work[0] ?? '';
    return [...groups.values()].sort((a, b) => first(a).localeCompare(first(b)));
  }, [days.data]);

  return (
    <Card
      size="small"
      title={t('calendar.yearTitle', { year })}
      extra={
        <Flex gap={12} align="center" wrap>
          <Flex gap={6} align="center">
            <span className={`${styles.legend} ${styles.off}`}>{t('calendar.offMark')}</span>
            <Typography.Text type="secondary">{t('calendar.offLegend')}</Typography.Text>
            <span className={`${styles.legend} ${styles.work}`}>{t('calendar.workMark')}</span>
            <Typography.Text type="secondary">{t('calendar.workLegend')}</Typography.Text>
          </Flex>
          <Select
            value={year}
            onChange={onYear}
            options={years.map((y) => ({ value: y, label: String(y) }))}
            style={{ width: 100 }}
            aria-label={t('calendar.pickYear')}
          />
        </Flex>
      }
    >
      {days.error ? (
        <ErrorState compact error={days.error} onRetry={days.reload} />
      ) : (
        <>
          <div className={styles.months}>
            {MONTHS.map((month) => (
              <MonthGrid key={month} year={year} month={month} listed={listed} />
            ))}
          </div>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('calendar.holidays')}
          </Typography.Title>
          <Table
            size="small"
            rowKey="name"
            loading={days.loading}
            pagination={false}
            dataSource={holidays}
            locale={{
              emptyText: (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('calendar.noHolidays')} />
              ),
            }}
            columns={[
              { title: t('calendar.holiday'), dataIndex: 'name', width: 120 },
              {
                title: t('calendar.offDays'),
                dataIndex: 'off',
                render: (dates: string[]) => <DateRange dates={dates} />,
              },
              {
                title: t('calendar.workDays'),
                dataIndex: 'work',
                render: (dates: string[]) =>
                  dates.length === 0
                    ? '—'
                    : dates.map((d) => (
                        <Tag key={d} color="blue">
                          {dayjs(d).format('M/D ddd')}
                        </Tag>
                      )),
              },
            ]}
          />
        </>
      )}
    </Card>
  );
}

function DateRange({ dates }: { dates: string[] }) {
  const { t } = useI18n();
  if (dates.length === 0) return <>—</>;
  const first = dayjs(dates[0]);
  const last = dayjs(dates.at(-1));
  return (
    <span>
      {first.format('M/D')}
      {dates.length > 1 && ` – ${last.format('M/D')}`}
      <Typography.Text type="secondary"> {t('calendar.dayCount', { count: dates.length })}</Typography.Text>
    </span>
  );
}

const MONTHS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];

const WEEKDAY_KEYS = [
  'calendar.mon',
  'calendar.tue',
  'calendar.wed',
  'calendar.thu',
  'calendar.fri',
  'calendar.sat',
  'calendar.sun',
] as const;

function MonthGrid({
  year,
  month,
  listed,
}: {
  year: number;
  month: number;
  listed: Map<string, CalendarDay>;
}) {
  const { t } = useI18n();
  const { token } = theme.useToken();
  const first = dayjs(new Date(year, month, 1));
  // Weeks start on Monday, as Chinese calendars do.
  const lead = (first.day() + 6) % 7;
  const days: Dayjs[] = Array.from({ length: first.daysInMonth() }, (_, i) => first.add(i, 'day'));
  return (
    <section className={styles.month} aria-label={first.format('YYYY-MM')}>
      <div className={styles.monthName} style={{ color: token.colorPrimary }}>
        {t('calendar.monthName', { month: month + 1 })}
      </div>
      <div className={styles.grid}>
        {WEEKDAY_KEYS.map((key, i) => (
          <div key={key} className={`${styles.weekday} ${i >= 5 ? styles.weekend : ''}`}>
            {t(key)}
          </div>
        ))}
        {lead > 0 && <div style={{ gridColumn: `span ${lead}` }} />}
        {days.map((day) => {
          const iso = day.format('YYYY-MM-DD');
          const entry = listed.get(iso);
          const weekend = day.day() === 0 || day.day() === 6;
          const className = [
            styles.day,
            entry ? (entry.isOffDay ? styles.off : styles.work) : weekend ? styles.weekend : '',
          ].join(' ');
          const cell = (
            <div key={iso} className={className} data-date={iso}>
              {day.date()}
              {entry && (
                <span className={styles.mark}>
                  {entry.isOffDay ? t('calendar.offMark') : t('calendar.workMark')}
                </span>
              )}
            </div>
          );
          return entry ? (
            <Tooltip
              key={iso}
              title={`${iso} ${entry.name}${entry.isOffDay ? t('calendar.offLegend') : t('calendar.workLegend')}`}
            >
              {cell}
            </Tooltip>
          ) : (
            cell
          );
        })}
      </div>
    </section>
  );
}

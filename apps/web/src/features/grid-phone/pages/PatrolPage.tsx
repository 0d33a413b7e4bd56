import { AimOutlined, CameraOutlined, StopOutlined } from '@ant-design/icons';
import { beijingMidnight, toBeijingDayNumber } from '@shanzhi/shared';
import { Alert, App, Button, Card, Flex, Form, Input, List, Statistic, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { useApi } from '../../../platform/api/index.js';
import { useNow } from '../../cases/hooks/use-now.js';
import { fetchMyPatrols } from '../api/grid-phone.api.js';
import { usePhoneUser } from '../hooks/use-phone-user.js';
import { patrolSummary } from '../patrol-session.js';
import {
  adoptPatrol,
  currentFix,
  endPatrol,
  type FixProblem,
  startPatrol,
  usePatrolTracker,
} from '../patrol-tracker.js';
import { formatDistance, formatDuration } from '../phone-labels.js';
import { useUploadQueue, waitingUploads } from '../upload-queue.js';

const PROBLEM_KEYS = {
  denied: 'phone.fix.denied',
  unavailable: 'phone.fix.unavailable',
  timeout: 'phone.fix.timeout',
  unsupported: 'phone.fix.unsupported',
} as const satisfies Record<FixProblem, string>;

/** Where the phone's position stands: its accuracy, or why it is not known. */
function FixLine() {
  const { t } = useI18n();
  const { lastFix, problem } = usePatrolTracker();
  if (problem) return <Alert type="warning" showIcon message={t(PROBLEM_KEYS[problem])} />;
  return (
    <Typography.Text type="secondary">
      <AimOutlined /> {t('phone.patrol.gps')}：
      {lastFix
        ? t('phone.patrol.accuracy', { meters: Math.round(lastFix.accuracy) })
        : t('phone.patrol.locating')}
    </Typography.Text>
  );
}

/** The patrol going on: its time, length and points, live. */
function RunningPatrol() {
  const { t, locale } = useI18n();
  const { message, modal } = App.useApp();
  const { session } = usePatrolTracker();
  const now = useNow(1000);
  const [form] = Form.useForm<{ note?: string }>();
  if (!session) return null;
  const running = session;
  const summary = patrolSummary(running, now);

  function confirmEnd() {
    modal.confirm({
      title: t('phone.patrol.endTitle'),
      icon: <StopOutlined />,
      okText: t('phone.patrol.end'),
      okButtonProps: { danger: true },
      content: (
        <Form form={form} layout="vertical" style={{ marginTop: 12 }}>
          <Form.Item name="note" label={t('phone.patrol.note')}>
            <Input.TextArea rows={2} maxLength={500} placeholder={t('phone.patrol.notePlaceholder')} />
          </Form.Item>
        </Form>
      ),
      onOk: async () => {
        await endPatrol(patrolSummary(running, Date.now()), form.getFieldValue('note')?.trim() || undefined);
        form.resetFields();
        message.success(navigator.onLine ? t('phone.sent') : t('phone.savedOffline'));
      },
    });
  }

  return (
    <Card
      title={
        <Flex gap={8} align="center">
          {t('phone.patrol.title')}
          <Tag color="green">{t('phone.patrol.running')}</Tag>
        </Flex>
      }
    >
      <Flex justify="space-between" gap={8} wrap>
        <Statistic title={t('phone.patrol.duration')} value={formatDuration(summary.seconds)} />
        <Statistic title={t('phone.patrol.distance')} value={formatDistance(summary.meters, locale)} />
        <Statistic title={t('phone.patrol.points')} value={running.points.length} />
      </Flex>
      <div style={{ margin: '12px 0' }}>
        <FixLine />
      </div>
      <Flex gap={8}>
        <Link to="/m/report" style={{ flex: 1 }}>
          <Button block size="large" icon={<CameraOutlined />}>
            {t('phone.patrol.reportHere')}
          </Button>
        </Link>
        <Button danger size="large" style={{ flex: 1 }} icon={<StopOutlined />} onClick={confirmEnd}>
          {t('phone.patrol.end')}
        </Button>
      </Flex>
    </Card>
  );
}

/** No patrol going: the start, and how the last one ended. */
function IdlePatrol({ userId }: { userId: number }) {
  const { t, locale } = useI18n();
  const { ended } = usePatrolTracker();
  const [starting, setStarting] = useState(false);

  useEffect(() => {
    // asks for the position now, so that the permission prompt comes before the walk does
    currentFix().catch(() => undefined);
  }, []);

  async function start() {
    setStarting(true);
    try {
      await startPatrol(userId);
    } finally {
      setStarting(false);
    }
  }

  return (
    <Card title={t('phone.patrol.title')}>
      <Flex vertical gap={12}>
        {ended && (
          <Alert
            type="success"
            showIcon
            message={t('phone.patrol.ended')}
            description={t('phone.patrol.endedSummary', {
              distance: formatDistance(ended.meters, locale),
              duration: formatDuration(ended.seconds),
            })}
          />
        )}
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('phone.patrol.idle')}
        </Typography.Paragraph>
        <FixLine />
        <Button type="primary" size="large" block icon={<AimOutlined />} loading={starting} onClick={start}>
          {t('phone.patrol.start')}
        </Button>
      </Flex>
    </Card>
  );
}

/** The patrols the server has of today (it knows them once they got through). */
function TodaysPatrols({ userId, refreshOn }: { userId: number; refreshOn: unknown }) {
  const { t, locale } = useI18n();
  const from = new Date(beijingMidnight(toBeijingDayNumber(Date.now()))).toISOString();
  const patrols = useApi((signal) => fetchMyPatrols(userId, { from }, signal), [userId, from, refreshOn]);
  const items = patrols.data?.items ?? [];
  if (patrols.error || items.length === 0) return null;
  const meters = items.reduce((sum, p) => sum + p.distanceMeters, 0);
  return (
    <Card
      size="small"
      title={t('phone.patrol.today')}
      extra={t('phone.patrol.todaySummary', {
        count: items.length,
        distance: formatDistance(meters, locale),
      })}
    >
      <List
        size="small"
        dataSource={items}
        renderItem={(p) => (
          <List.Item>
            <span>
              {dayjs(p.startedAt).format('HH:mm')}–{p.endedAt ? dayjs(p.endedAt).format('HH:mm') : '…'}
            </span>
            <span>{formatDistance(p.distanceMeters, locale)}</span>
          </List.Item>
        )}
      />
    </Card>
  );
}

/**
 * 今日巡查: start a patrol, see its time and length grow as the phone follows the walk, report what is found on
 * the way, end it. Works the same offline: the start, the track and the end wait in the upload queue.
 */
export function PatrolPage() {
  const me = usePhoneUser();
  const { session, ended } = usePatrolTracker();
  // today's list is read again as the phone's patrol uploads get through
  const patrolUploads = useUploadQueue().items.filter(
    (u) => u.kind === 'patrol' || u.kind === 'track',
  ).length;

  useEffect(() => {
    if (session || ended) return;
    let alive = true;
    // a patrol the server has as going that this phone does not know (started on another phone, or the
    // phone's storage was cleared) is picked up — unless this phone's own start or end of one still waits
    void (async () => {
      if ((await waitingUploads()).some((u) => u.kind === 'patrol')) return;
      const ongoing = await fetchMyPatrols(me.user.id, { ongoing: true, limit: 1 }).catch(() => null);
      const patrol = ongoing?.items[0];
      if (alive && patrol) adoptPatrol(me.user.id, patrol);
    })();
    return () => {
      alive = false;
    };
  }, [session, ended, me.user.id]);

  return (
    <Flex vertical gap={12}>
      {session ? <RunningPatrol /> : <IdlePatrol userId={me.user.id} />}
      <TodaysPatrols userId={me.user.id} refreshOn={`${ended?.endedAt}:${patrolUploads}`} />
    </Flex>
  );
}

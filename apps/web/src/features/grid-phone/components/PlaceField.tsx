import { AimOutlined, EnvironmentOutlined, LoadingOutlined } from '@ant-design/icons';
import type { TrackPoint } from '@shanzhi/shared';
import { Button, Flex, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { currentFix, usePatrolTracker } from '../patrol-tracker.js';

/** A fix this recent (ms) stands for where the worker is now. */
const FRESH_FIX_MS = 60_000;

/**
 * Where a finding is: the phone's position (the patrol's last fix when it is fresh, else asked for now), with
 * its accuracy and a button to locate again. A form field whose value is the fix (GCJ-02).
 */
export function PlaceField({
  value,
  onChange,
  id,
}: {
  value?: TrackPoint | null;
  onChange?: (fix: TrackPoint | null) => void;
  id?: string;
}) {
  const { t } = useI18n();
  const { lastFix } = usePatrolTracker();
  const [locating, setLocating] = useState(false);
  const [failed, setFailed] = useState(false);

  const locate = useCallback(async () => {
    setLocating(true);
    setFailed(false);
    try {
      onChange?.(await currentFix());
    } catch {
      setFailed(true);
    } finally {
      setLocating(false);
    }
  }, [onChange]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: locates once, when the form opens
  useEffect(() => {
    if (value) return;
    if (lastFix && Date.now() - Date.parse(lastFix.recordedAt) < FRESH_FIX_MS) onChange?.(lastFix);
    else void locate();
  }, []);

  return (
    <Flex align="center" gap={8} wrap id={id}>
      {locating ? <LoadingOutlined /> : <EnvironmentOutlined />}
      <Typography.Text type={failed && !value ? 'danger' : undefined} style={{ flex: 1 }}>
        {value
          ? t('phone.report.located', { meters: Math.round(value.accuracy) })
          : locating
            ? t('phone.patrol.locating')
            : t('phone.report.noPlace')}
      </Typography.Text>
      <Button size="small" icon={<AimOutlined />} onClick={() => void locate()} disabled={locating}>
        {t('phone.report.relocate')}
      </Button>
    </Flex>
  );
}

import { PhoneOutlined, ShopOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { useMayTakeAction, usePermission } from '../../auth/hooks/use-permission.js';
import { HotlineOrderDialog } from '../../marketplace/components/HotlineOrderDialog.js';
import type { IntakeForm } from '../hooks/use-intake-form.js';
import { intakeKeyDown } from '../intake-keys.js';
import { INTAKE_INITIAL } from '../intake-values.js';
import { CallerPanel } from './CallerPanel.js';
import { RequestPanel } from './RequestPanel.js';

/**
 * The intake form in its card: the caller, the request, the errors no field can show, then 便民下单 (a service
 * rather than a complaint, for who may order one), 转110 (for who may transfer) and 登记. Enter moves on,
 * Ctrl+Enter registers. Props: `intake` (the page's `useIntakeForm()`).
 */
export function IntakeFormCard({ intake }: { intake: IntakeForm }) {
  const { t } = useI18n();
  const mayTransfer110 = useMayTakeAction('transfer_to_110');
  const mayOrder = usePermission('market_order.order');
  const [ordering, setOrdering] = useState(false);
  const { form, general, busy, register } = intake;
  return (
    <Card
      title={
        <span>
          <PhoneOutlined /> {t('intake.formTitle')}
        </span>
      }
      extra={<Typography.Text type="secondary">{t('intake.keysHint')}</Typography.Text>}
    >
      <Form
        form={form}
        name="intake"
        layout="vertical"
        initialValues={INTAKE_INITIAL}
        onKeyDown={(event) => intakeKeyDown(event, () => void register())}
        requiredMark
      >
        <CallerPanel />
        <RequestPanel browse={intake.browse} place={intake.place} onPlace={intake.pickPlace} />
        {general.length > 0 && (
          <Alert type="error" showIcon message={general.join('；')} style={{ marginBottom: 12 }} />
        )}
        <Flex gap={8} wrap justify="flex-end">
          {mayOrder && (
            <Button icon={<ShopOutlined />} onClick={() => setOrdering(true)} disabled={busy}>
              {t('hotlineOrder.open')}
            </Button>
          )}
          {mayTransfer110 && (
            <Button danger onClick={intake.transfer110} disabled={busy}>
              {t('intake.transfer110')}
            </Button>
          )}
          <Button type="primary" size="large" loading={busy} onClick={() => void register()}>
            {t('intake.submit')}
          </Button>
        </Flex>
      </Form>
      {mayOrder && (
        <HotlineOrderDialog
          open={ordering}
          caller={{
            phone: form.getFieldValue('citizenPhone'),
            contactName: form.getFieldValue('citizenName'),
            place: intake.place,
            address: form.getFieldValue('address'),
          }}
          onClose={() => setOrdering(false)}
          onDone={() => {
            setOrdering(false);
            intake.startOver();
          }}
        />
      )}
    </Card>
  );
}

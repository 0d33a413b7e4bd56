import { LoginOutlined } from '@ant-design/icons';
import { RoomCodeInput } from '@shanzhi/shared';
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { zodRule } from '../../../platform/forms/zod-rules.js';
import { enterRoom, type RoomPass } from '../api/portal-mediation.api.js';
import { mediationFailureText } from '../mediation-failure.js';

interface Values {
  number?: string;
  code?: string;
}

const shape = RoomCodeInput.shape;

/** The room's door: the dispute's number and the code sent to the party's phone open his room session. */
export function RoomDoor({
  number,
  notice,
  onEntered,
}: {
  number?: string | undefined;
  /** why the party is at the door again (his session ran out …) */
  notice?: string | null | undefined;
  onEntered: (session: RoomPass) => void;
}) {
  const { t } = useI18n();
  const [entering, setEntering] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  async function enter(values: Values) {
    setEntering(true);
    setFailure(null);
    try {
      const cleanNumber = (values.number ?? '').replace(/\s+/g, '').toUpperCase();
      onEntered(await enterRoom({ number: cleanNumber, code: (values.code ?? '').trim() }));
    } catch (error) {
      setFailure(mediationFailureText(error, t));
    } finally {
      setEntering(false);
    }
  }

  return (
    <Form<Values>
      layout="vertical"
      name="mediation-room-door"
      aria-label={t('mediationPortal.room.enterTitle')}
      initialValues={{ number }}
      onFinish={(values) => void enter(values)}
    >
      {notice && <Alert type="warning" showIcon message={notice} style={{ marginBottom: 16 }} />}
      <Form.Item
        name="number"
        label={t('mediationPortal.room.number')}
        rules={[zodRule(shape.number, (v) => v ?? '')]}
      >
        <Input
          autoCapitalize="characters"
          maxLength={30}
          placeholder={t('mediationPortal.room.numberPlaceholder')}
        />
      </Form.Item>
      <Form.Item
        name="code"
        label={t('mediationPortal.room.code')}
        extra={t('mediationPortal.room.codeHint')}
        rules={[zodRule(shape.code, (v) => (typeof v === 'string' ? v.trim() : ''))]}
      >
        <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} />
      </Form.Item>
      {failure && (
        <Alert
          type="error"
          showIcon
          message={failure}
          style={{ marginBottom: 16 }}
          data-testid="room-door-failure"
        />
      )}
      <Button type="primary" htmlType="submit" size="large" block icon={<LoginOutlined />} loading={entering}>
        {t('mediationPortal.room.enter')}
      </Button>
    </Form>
  );
}

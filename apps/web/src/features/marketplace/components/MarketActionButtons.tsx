import type { MarketOrderActionOnOrder, MarketOrderView } from '@shanzhi/shared';
import { App, Button, Flex, Input, InputNumber } from 'antd';
import { errorText } from '../../../i18n/error-text.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { readAsDataUrl } from '../../../platform/forms/read-as-data-url.js';
import { actOnMarketOrder } from '../api/market.api.js';
import { MerchantChoiceSelect } from './MerchantChoiceSelect.js';
import { PhotoPickerButton } from './PhotoPickerButton.js';

/** The citizen's own actions, taken on the portal, never from the console. */
const CITIZEN_ACTIONS = ['rate', 'complain'] as const;

/** What an action asks before it is taken: a price, a reason, a merchant, what the car's owner said, or nothing. */
const ASKS: Partial<Record<MarketOrderActionOnOrder, 'price' | 'reason' | 'merchant' | 'note'>> = {
  complete: 'price',
  refuse: 'reason',
  cancel: 'reason',
  assign: 'merchant',
  contact_owner: 'note',
};

/**
 * The buttons of the actions the server lists for this user on the order (`actions`): 接单, 拒单, 出发, 开始服务,
 * 完成 (asks the price and, optionally, a photo of the finished work), 取消 (asks why), and the centre's 中心派单 (asks the merchant) and 联系车主 (asks what the
 * owner said). The rules stay on the server; this only shows what it allows.
 */
export function MarketActionButtons({
  order,
  onDone,
}: {
  order: MarketOrderView;
  onDone: (order: MarketOrderView) => void;
}) {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const actions = order.actions.filter(
    (a): a is MarketOrderActionOnOrder => !(CITIZEN_ACTIONS as readonly string[]).includes(a),
  );

  const take = async (action: MarketOrderActionOnOrder, fields: Record<string, unknown> = {}) => {
    try {
      const after = await actOnMarketOrder(order, action, fields);
      message.success(t('market.done'));
      onDone(after);
    } catch (error) {
      message.error(errorText(error, t));
      throw error;
    }
  };

  const ask = (action: MarketOrderActionOnOrder) => {
    const what = ASKS[action];
    if (!what) return void take(action).catch(() => undefined);
    const fields: Record<string, unknown> = {};
    let photo: File | undefined;
    modal.confirm({
      title: t(`market.action.${action}`),
      content:
        what === 'price' ? (
          <Flex vertical gap={8}>
            <InputNumber
              min={0}
              style={{ width: '100%' }}
              aria-label={t('market.price')}
              placeholder={t('market.price')}
              onChange={(v) => {
                fields.price = v;
              }}
            />
            <PhotoPickerButton
              onChange={(file) => {
                photo = file;
              }}
            />
          </Flex>
        ) : what === 'merchant' ? (
          <MerchantChoiceSelect
            orderId={order.id}
            onChange={(id) => {
              fields.merchantId = id;
            }}
          />
        ) : (
          <Input.TextArea
            rows={2}
            aria-label={t(what === 'note' ? 'market.contactNote' : 'market.reason')}
            placeholder={t(what === 'note' ? 'market.contactNote' : 'market.reason')}
            onChange={(e) => {
              fields[what] = e.target.value;
            }}
          />
        ),
      okText: t(`market.action.${action}`),
      onOk: async () => take(action, photo ? { ...fields, photo: await readAsDataUrl(photo) } : fields),
    });
  };

  if (actions.length === 0) return null;
  return (
    <Flex gap={8} wrap>
      {actions.map((action) => (
        <Button
          key={action}
          type={action === 'accept' || action === 'complete' ? 'primary' : 'default'}
          danger={action === 'refuse' || action === 'cancel'}
          onClick={() => ask(action)}
        >
          {t(`market.action.${action}`)}
        </Button>
      ))}
    </Flex>
  );
}

import { z } from 'zod';
import { Latitude, Longitude } from '../geo/geo.schemas.js';
import { PhotoUpload } from '../grid/grid-common.schemas.js';
import { actionBody, bodyError, id, optionalText, text } from '../lifecycle/action-body.js';
import { KeysetQuery, keysetPageOf } from '../lists/list.schemas.js';
import { PortalPhone } from '../portal/portal.schemas.js';
import { MarketOrderAction, MarketOrderState } from './market-order-lifecycle.js';

/** Where an order came from. */
export const MARKET_CHANNELS = ['portal', 'hotline', 'api'] as const;
export const MarketChannel = z.enum(MARKET_CHANNELS);
export type MarketChannel = z.infer<typeof MarketChannel>;

/** Chinese label of each channel. */
export const MARKET_CHANNEL_LABELS: Record<MarketChannel, string> = {
  portal: '群众门户',
  hotline: '12345 热线',
  api: '开放接口',
};

/** The point of a service address (GCJ-02). */
export const MarketLocation = z.object(
  { longitude: Longitude, latitude: Latitude },
  { error: '请在地图上选择服务地点' },
);
export type MarketLocation = z.infer<typeof MarketLocation>;

/** `POST /api/v1/market/orders` 下单: the item, where, who to call, and the item's questions answered. */
export const PlaceMarketOrderInput = z.strictObject(
  {
    /** 服务项目 */
    itemId: id('服务项目'),
    /** 服务地址 */
    address: text('服务地址', 2, 200),
    /** the point of the address (GCJ-02), which decides the merchants who cover it */
    location: MarketLocation,
    /** 联系电话: masked to the merchant until he accepts */
    phone: PortalPhone,
    /** 联系人 */
    contactName: optionalText('联系人', 40),
    /** answers to the item's questions, by key */
    answers: z.record(z.string(), z.string().trim().max(200, '回答不能超过 200 个字')).optional(),
    /** 期望时间 (预约): not past, within 7 days (checked against the server's clock); now when absent */
    wantedAt: z.iso.datetime({ offset: true, error: '期望时间格式不正确' }).optional(),
  },
  { error: bodyError },
);
export type PlaceMarketOrderInput = z.infer<typeof PlaceMarketOrderInput>;

/** `accept` 接单, `depart` 出发, `start` 开始服务: the version alone. */
export const MarketVersionOnlyInput = actionBody({});
/** `refuse` 拒单: why, optionally. */
export const RefuseMarketOrderInput = actionBody({ reason: optionalText('拒单原因', 200) });
/** `complete` 完成: the price agreed and paid offline, in yuan, and optionally a photo of the finished work. */
export const CompleteMarketOrderInput = actionBody({
  price: z
    .number({ error: '请填写服务价格' })
    .min(0, '价格不能为负数')
    .max(100_000, '价格不能超过 100000 元'),
  note: optionalText('服务说明', 500),
  /** 完工照片: a JPEG, PNG or WebP picture inline (base64 or a data URL), proven by its first bytes */
  photo: PhotoUpload.optional(),
});
export type CompleteMarketOrderInput = z.infer<typeof CompleteMarketOrderInput>;
/** `assign` 中心派单: the merchant the centre offers a queued order to. */
export const AssignMarketOrderInput = actionBody({ merchantId: id('商户') });
export type AssignMarketOrderInput = z.infer<typeof AssignMarketOrderInput>;
/** `contact_owner` 联系车主 (挪车): what the car's owner was told and said. */
export const ContactOwnerInput = actionBody({ note: text('联系结果', 2, 500) });
export type ContactOwnerInput = z.infer<typeof ContactOwnerInput>;
/** `cancel` 取消: why. */
export const CancelMarketOrderInput = actionBody({ reason: text('取消原因', 2, 200) });
export type CancelMarketOrderInput = z.infer<typeof CancelMarketOrderInput>;
/** `rate` 评价: 1–5 stars and a comment, within 7 days of completion. */
export const RateMarketOrderInput = actionBody({
  stars: z
    .number({ error: '请选择星级' })
    .int('星级须为整数')
    .min(1, '星级为 1 到 5')
    .max(5, '星级为 1 到 5'),
  comment: optionalText('评价内容', 500),
});
export type RateMarketOrderInput = z.infer<typeof RateMarketOrderInput>;

/** `complain` 投诉: what went wrong; it becomes a 12345 case linked to the order. */
export const ComplainMarketOrderInput = actionBody({ content: text('投诉内容', 5, 1000) });
export type ComplainMarketOrderInput = z.infer<typeof ComplainMarketOrderInput>;

/** The body of each action a person takes on an existing order (the platform's own are not on the API). */
export const MARKET_ORDER_ACTION_INPUTS = {
  assign: AssignMarketOrderInput,
  contact_owner: ContactOwnerInput,
  accept: MarketVersionOnlyInput,
  refuse: RefuseMarketOrderInput,
  depart: MarketVersionOnlyInput,
  start: MarketVersionOnlyInput,
  complete: CompleteMarketOrderInput,
  rate: RateMarketOrderInput,
  complain: ComplainMarketOrderInput,
  cancel: CancelMarketOrderInput,
} as const;
/** An action a person takes on an existing order. */
export type MarketOrderActionOnOrder = keyof typeof MARKET_ORDER_ACTION_INPUTS;
/** The actions a citizen takes on his own order on the portal. */
export const PORTAL_MARKET_ACTIONS = [
  'cancel',
  'rate',
  'complain',
] as const satisfies MarketOrderActionOnOrder[];
export type PortalMarketAction = (typeof PORTAL_MARKET_ACTIONS)[number];

/** An event of an order's timeline. */
export const MarketOrderEventView = z.object({
  seq: z.number().int(),
  action: z.string(),
  event: z.string(),
  actorName: z.string(),
  at: z.string(),
  fromState: z.string().nullable(),
  toState: z.string(),
  note: z.string().nullable(),
  changes: z.record(z.string(), z.unknown()),
});
export type MarketOrderEventView = z.infer<typeof MarketOrderEventView>;

/** An order as the API shows it, with the actions the caller may take on it. */
export const MarketOrderView = z.object({
  id: z.number().int(),
  /** 订单号 `FW` + date + sequence */
  number: z.string(),
  version: z.number().int(),
  itemId: z.number().int(),
  itemName: z.string(),
  state: MarketOrderState,
  channel: MarketChannel,
  address: z.string(),
  location: MarketLocation,
  districtName: z.string().nullable(),
  townName: z.string().nullable(),
  /** masked for a merchant until he accepted, and for staff without `personal_data.read` */
  phone: z.string(),
  contactName: z.string().nullable(),
  answers: z.record(z.string(), z.string()),
  wantedAt: z.string().nullable(),
  merchantId: z.number().int().nullable(),
  merchantName: z.string().nullable(),
  /** when the current offer runs out */
  offerExpiresAt: z.string().nullable(),
  price: z.number().nullable(),
  stars: z.number().int().nullable(),
  ratingComment: z.string().nullable(),
  createdAt: z.string(),
  acceptedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  /** 完工照片: where the viewer fetches the photo of the finished work (the portal's for the citizen); null without one */
  completionPhotoUrl: z.string().nullable(),
  /** the 12345 case a complaint about the order became */
  caseNumber: z.string().nullable(),
  actions: z.array(MarketOrderAction),
  timeline: z.array(MarketOrderEventView),
});
export type MarketOrderView = z.infer<typeof MarketOrderView>;

/** `POST /api/v1/market/orders` answer: the order and the code that lets the citizen follow it without an account. */
export const PlacedMarketOrder = z.object({
  order: MarketOrderView,
  /** 查询码: kept by the citizen's browser, sent as `X-Order-Code` to follow, cancel and rate the order */
  accessCode: z.string(),
});
export type PlacedMarketOrder = z.infer<typeof PlacedMarketOrder>;

/** `GET /api/v1/market/orders/:id/merchants`: the merchants the centre may offer a queued order to. */
export const MarketMerchantChoiceList = z.object({
  items: z.array(
    z.object({
      id: z.number().int(),
      name: z.string(),
      /** 综合评分 */
      score: z.number(),
      /** orders offered to or being served by it now */
      openOrders: z.number().int(),
      /** within its opening hours now */
      openNow: z.boolean(),
      /** offered this order before (refused it or let it run out) */
      offeredBefore: z.boolean(),
      /** km from its base point to the order, null for a merchant without one */
      distanceKm: z.number().nullable(),
    }),
  ),
});
export type MarketMerchantChoiceList = z.infer<typeof MarketMerchantChoiceList>;

/** `GET /api/v1/market/orders`: the centre's list (a merchant sees his own), newest first, a keyset list. */
export const MarketOrderListQuery = KeysetQuery.extend({
  state: MarketOrderState.optional(),
  itemId: z.coerce.number().int().positive().optional(),
  /** 订单号 (its beginning), the address (any part) or the contact's full phone number */
  q: z.string().trim().min(1).max(100).optional(),
}).strict();
export type MarketOrderListQuery = z.infer<typeof MarketOrderListQuery>;

/** A keyset page of orders. */
export const MarketOrderList = keysetPageOf(MarketOrderView);
export type MarketOrderList = z.infer<typeof MarketOrderList>;

/** The header a portal citizen proves an order his with. */
export const MarketOrderCodeHeaders = z.object({
  'x-order-code': z.string({ error: '缺少订单查询码' }).min(8, '订单查询码无效').max(64, '订单查询码无效'),
});

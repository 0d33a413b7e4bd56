/**
 * 渠道: the online channels a city commonly runs. Channels are data — a city may use codes of its own, which
 * the console shows as they are — but these are the ones the platform names for people.
 */
export const KNOWN_CHANNELS = [
  'web_portal',
  'wechat_mini',
  'mobile_h5',
  'message_board',
  'app',
  'sms',
  'email',
] as const;

/** Chinese names of the known channels. */
export const CHANNEL_LABELS: Record<(typeof KNOWN_CHANNELS)[number], string> = {
  web_portal: '网上门户',
  wechat_mini: '微信小程序',
  mobile_h5: '手机网页',
  message_board: '留言板',
  app: '手机应用',
  sms: '短信',
  email: '电子邮件',
};

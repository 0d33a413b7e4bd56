/**
 * Spread on an antd `Radio.Group` inside a required `Form.Item`: the item puts `aria-required` on the
 * group's box, which only a `radiogroup` may carry (antd's types leave `role` out, its markup passes it on).
 */
export const RADIO_GROUP_ROLE: { role: string } = { role: 'radiogroup' };

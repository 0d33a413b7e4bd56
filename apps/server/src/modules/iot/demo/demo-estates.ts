import type { DeviceType } from '@shanzhi/shared';

/** A pilot estate of the demo city: its name, property company, and where (a district's n-th community). */
export interface DemoEstate {
  name: string;
  propertyCompany: string;
  /** the district's code */
  district: string;
  /** which of the district's communities (0: the demo grid worker's for 海勃湾区, the demo town's for 乌达区) */
  community: number;
}

/** Wuhai's 11 pilot smart-safe estates: Wuda's two 谱翔 estates by name, the rest across the districts. */
export const DEMO_ESTATES: readonly DemoEstate[] = [
  { name: '谱翔A区', propertyCompany: '乌达区谱翔物业服务有限公司', district: '150304', community: 0 },
  { name: '谱翔B区', propertyCompany: '乌达区谱翔物业服务有限公司', district: '150304', community: 0 },
  { name: '三道坎新区', propertyCompany: '乌达区安居物业有限公司', district: '150304', community: 1 },
  { name: '滨河花园', propertyCompany: '乌海市滨河物业服务有限公司', district: '150302', community: 0 },
  { name: '凤凰岭小区', propertyCompany: '乌海市凤凰物业管理有限公司', district: '150302', community: 1 },
  { name: '新华东小区', propertyCompany: '海勃湾区新华物业有限公司', district: '150302', community: 2 },
  { name: '海北家园', propertyCompany: '海勃湾区海北物业有限公司', district: '150302', community: 3 },
  { name: '千里山花苑', propertyCompany: '乌海市千里山物业服务有限公司', district: '150302', community: 4 },
  { name: '雁鸣湖小区', propertyCompany: '海南区雁鸣物业有限公司', district: '150303', community: 0 },
  { name: '西卓子山新村', propertyCompany: '海南区卓山物业管理有限公司', district: '150303', community: 1 },
  { name: '公乌素家园', propertyCompany: '海南区公乌素物业有限公司', district: '150303', community: 2 },
];

/** Buildings of each pilot estate. */
export const DEMO_BUILDINGS_PER_ESTATE = 4;

/** The devices of each building: type, how many, the floors and the point they stand at. */
export const DEMO_BUILDING_DEVICES: readonly { type: DeviceType; floor: number; point: string }[] = [
  { type: 'smoke_detector', floor: 1, point: '1单元楼道' },
  { type: 'smoke_detector', floor: 6, point: '1单元楼道' },
  { type: 'ebike_lift_detector', floor: 1, point: '1单元电梯轿厢' },
  { type: 'high_throw_camera', floor: 1, point: '楼前仰拍' },
  { type: 'door_access', floor: 1, point: '单元门' },
  { type: 'electricity_meter', floor: -1, point: '配电间' },
  { type: 'water_meter', floor: -1, point: '水表井' },
];

/** The devices of each estate's grounds (gates, car park, refuse points). */
export const DEMO_GROUND_DEVICES: readonly { type: DeviceType; point: string }[] = [
  { type: 'face_camera', point: '东门' },
  { type: 'face_camera', point: '西门' },
  { type: 'plate_camera', point: '车辆出入口' },
  { type: 'plate_camera', point: '消防通道' },
  { type: 'garbage_camera', point: '垃圾分类亭1' },
  { type: 'garbage_camera', point: '垃圾分类亭2' },
];

/** Vendors of each device type in the pilot. */
export const DEMO_VENDORS: Record<DeviceType, { vendor: string; model: string }> = {
  face_camera: { vendor: '海康威视', model: 'DS-2CD7A47' },
  plate_camera: { vendor: '大华', model: 'DH-ITC237' },
  electricity_meter: { vendor: '威胜', model: 'DTSD341' },
  water_meter: { vendor: '三川智慧', model: 'LXSY-20' },
  high_throw_camera: { vendor: '宇视', model: 'HIC5621' },
  garbage_camera: { vendor: '海康威视', model: 'iDS-2CD7' },
  smoke_detector: { vendor: '海湾', model: 'JTY-GD-G3' },
  ebike_lift_detector: { vendor: '大华', model: 'DH-IPC-EB' },
  door_access: { vendor: '立林', model: 'LL-DA8' },
};

/** Serial-code prefix of each device type. */
export const SERIAL_CODES: Record<DeviceType, string> = {
  face_camera: 'FACE',
  plate_camera: 'PLATE',
  electricity_meter: 'ELEC',
  water_meter: 'WATER',
  high_throw_camera: 'THROW',
  garbage_camera: 'GARB',
  smoke_detector: 'SMOKE',
  ebike_lift_detector: 'EBIKE',
  door_access: 'DOOR',
};

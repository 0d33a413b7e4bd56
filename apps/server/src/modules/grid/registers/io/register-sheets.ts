import {
  type CodeLabel,
  HOUSE_OCCUPANCIES,
  HOUSE_USES,
  HOUSEHOLD_RELATIONS,
  ORGANISATION_KINDS,
  ORGANISATION_TAGS,
  POPULATION_TYPES,
  RESIDENCE_STATUSES,
  RESIDENT_FLAGS,
  type RegisterKind,
} from '@shanzhi/shared';

/**
 * The city's columns of each register (基础信息采集表), in the order a town's staff fill them in: the one
 * definition the template, the import and the export read, so a file exported can be corrected and imported
 * again. Headers follow GB/T 31000-2015's field names; a required column is written `*姓名` in the template
 * (the import reads the header without its star).
 */
export interface RegisterColumn {
  /** the field it fills (`idNumber`, `gridCode` …) */
  key: string;
  /** the header, without the star of a required column */
  header: string;
  required?: boolean;
  /** column width in characters */
  width: number;
  /** kept as text in Excel: a long number typed as a number loses its last digits */
  text?: boolean;
  /** a number (area, coordinates, head count) */
  number?: boolean;
  /** labels of a code table: a drop-down in the template, translated to codes on import */
  choices?: readonly CodeLabel[];
  /** several labels of `choices` in one cell, separated by 、 , ， or ； */
  multiple?: boolean;
  /** a note under the header in the template */
  hint?: string;
}

/** One register's sheet: its name, its columns, and the extra columns only the export writes. */
export interface RegisterSheet {
  kind: RegisterKind;
  /** sheet and file name: 房屋 / 实有人口 / 单位组织 */
  title: string;
  columns: readonly RegisterColumn[];
  /** written by the export after `columns` (read-only facts: 性别, 出生日期 …); the import ignores them */
  exportOnly: readonly { key: string; header: string; width: number }[];
}

const GRID_CODE: RegisterColumn = {
  key: 'gridCode',
  header: '所属网格编码',
  required: true,
  width: 20,
  text: true,
  hint: '15 位网格编码，见“网格清单”',
};

const HOUSE_ADDRESS: RegisterColumn[] = [
  { key: 'address', header: '小区/街路巷', required: true, width: 24, hint: '如 幸福小区、人民路12号' },
  { key: 'building', header: '楼栋', width: 8, text: true, hint: '如 3号楼；平房可空' },
  { key: 'unit', header: '单元', width: 8, text: true },
  { key: 'room', header: '房号', width: 8, text: true },
];

const COORDINATES: RegisterColumn[] = [
  { key: 'longitude', header: '经度', width: 12, number: true, hint: 'GCJ-02，可空' },
  { key: 'latitude', header: '纬度', width: 12, number: true },
];

/** The three registers' sheets. */
export const REGISTER_SHEETS: Record<RegisterKind, RegisterSheet> = {
  houses: {
    kind: 'houses',
    title: '房屋',
    columns: [
      GRID_CODE,
      ...HOUSE_ADDRESS,
      { key: 'use', header: '房屋用途', required: true, width: 10, choices: HOUSE_USES },
      { key: 'occupancy', header: '居住情况', required: true, width: 10, choices: HOUSE_OCCUPANCIES },
      { key: 'area', header: '建筑面积(㎡)', width: 12, number: true },
      ...COORDINATES,
      { key: 'note', header: '备注', width: 24 },
    ],
    exportOnly: [
      { key: 'gridName', header: '所属网格', width: 20 },
      { key: 'residentCount', header: '登记人数', width: 10 },
      { key: 'lastVisitedAt', header: '最近走访', width: 18 },
    ],
  },
  residents: {
    kind: 'residents',
    title: '实有人口',
    columns: [
      GRID_CODE,
      ...HOUSE_ADDRESS,
      { key: 'name', header: '姓名', required: true, width: 10 },
      {
        key: 'idNumber',
        header: '公民身份号码',
        required: true,
        width: 22,
        text: true,
        hint: '18 位，请以文本格式填写',
      },
      { key: 'phone', header: '联系电话', width: 15, text: true },
      { key: 'ethnicity', header: '民族', width: 8, hint: '如 汉族、蒙古族' },
      { key: 'householdRelation', header: '与户主关系', width: 10, choices: HOUSEHOLD_RELATIONS },
      { key: 'populationType', header: '人口类型', required: true, width: 12, choices: POPULATION_TYPES },
      { key: 'residenceStatus', header: '人户状态', width: 12, choices: RESIDENCE_STATUSES },
      { key: 'registeredAddress', header: '户籍地址', width: 28 },
      { key: 'currentAddress', header: '现住址', width: 28, hint: '与所住房屋不同时填写' },
      { key: 'employer', header: '工作单位', width: 20 },
      {
        key: 'flags',
        header: '关爱/关注类别',
        width: 24,
        choices: RESIDENT_FLAGS,
        multiple: true,
        hint: '多个用“、”分隔，如 独居老人、残疾人',
      },
      { key: 'note', header: '备注', width: 24 },
    ],
    exportOnly: [
      { key: 'gender', header: '性别', width: 6 },
      { key: 'birthDate', header: '出生日期', width: 12 },
      { key: 'gridName', header: '所属网格', width: 20 },
    ],
  },
  organisations: {
    kind: 'organisations',
    title: '单位组织',
    columns: [
      GRID_CODE,
      { key: 'name', header: '单位名称', required: true, width: 26 },
      { key: 'kind', header: '单位类别', required: true, width: 14, choices: ORGANISATION_KINDS },
      { key: 'creditCode', header: '统一社会信用代码', width: 22, text: true },
      { key: 'address', header: '地址', required: true, width: 28 },
      { key: 'contactName', header: '负责人', width: 10 },
      { key: 'contactPhone', header: '联系电话', width: 15, text: true },
      { key: 'employees', header: '从业人员数', width: 10, number: true },
      {
        key: 'tags',
        header: '重点场所类别',
        width: 22,
        choices: ORGANISATION_TAGS,
        multiple: true,
        hint: '多个用“、”分隔',
      },
      ...COORDINATES,
      { key: 'note', header: '备注', width: 24 },
    ],
    exportOnly: [{ key: 'gridName', header: '所属网格', width: 20 }],
  },
};

/** A header as typed, compared: without a required column's star, spaces, and with full-width folded. */
export function normaliseHeader(header: string): string {
  return header.normalize('NFKC').replace(/[\s*＊]/g, '');
}

/** Where a column's header stands in the template (with its star when required). */
export function templateHeader(column: RegisterColumn): string {
  return column.required ? `*${column.header}` : column.header;
}

/** The separators people put between several labels in one cell. */
export const LABEL_SEPARATORS = /[、,，;；/\s]+/;

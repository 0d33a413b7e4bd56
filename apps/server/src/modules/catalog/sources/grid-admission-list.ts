import { type GridAdmissionItem, GridAdmissionList } from '@shanzhi/shared';
import gridAdmissionJson from './grid-admission-list.json' with { type: 'json' };

/** The grid item admission list (网格事项准入): 8 categories, 141 items, checked against its schema. */
export function loadGridAdmissionList(): GridAdmissionList {
  return GridAdmissionList.parse(gridAdmissionJson);
}

/** The listed item with this code, or null: a task that is not on the list may not be pushed to a grid worker. */
export function findGridAdmissionItem(list: GridAdmissionList, code: string): GridAdmissionItem | null {
  for (const category of list.categories) {
    const item = category.items.find((i) => i.code === code);
    if (item) return item;
  }
  return null;
}

import type { UserView } from '@shanzhi/shared';

/** An option of a user picker: the account's id, shown by name, username and org. */
export interface UserOption {
  value: number;
  label: string;
}

/** What a picker shows of a user. */
export type UserShown = Pick<UserView, 'id' | 'displayName' | 'username' | 'orgName'>;

/** How a picker shows a user: `王强（handler · 住建局）`. */
export function userOptionOf(user: UserShown): UserOption {
  return { value: user.id, label: `${user.displayName}（${user.username} · ${user.orgName}）` };
}

/**
 * The options of a user picker: the users the search found, then those chosen earlier that it no longer
 * finds (so a chosen user keeps its name after the next search), each once.
 */
export function userOptionsOf(
  found: readonly UserOption[],
  chosen: readonly number[],
  known: ReadonlyMap<number, UserOption>,
): UserOption[] {
  const shown = new Set(found.map((o) => o.value));
  const kept = chosen.flatMap((id) => {
    const option = known.get(id);
    return option && !shown.has(id) ? [option] : [];
  });
  return [...found, ...kept];
}

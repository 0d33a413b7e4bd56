import { Select } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { useApi } from '../../../platform/api/index.js';
import { fetchUsers } from '../api/users.api.js';
import { type UserOption, type UserShown, userOptionOf, userOptionsOf } from '../user-options.js';

type Value = number | number[];

/** Who a picker offers for the words typed (none: the first). */
export type FindUsers = (words: string | undefined, signal: AbortSignal) => Promise<UserShown[]>;

/** The active users of the caller's scope, by the user list (`user.read`). */
const activeUsers: FindUsers = async (q, signal) =>
  (await fetchUsers({ q, active: 'true', page: 1, pageSize: 20 }, signal)).items;

/**
 * Users found by name or username as one types — the active users of the caller's scope, or those `find`
 * answers — one, or several with `multiple`.
 */
export function UserSearchSelect<V extends Value = number>(props: {
  value?: V;
  onChange?: (value: V) => void;
  id?: string;
  find?: FindUsers;
  multiple?: boolean;
  placeholder?: string;
}) {
  const { find = activeUsers, multiple, placeholder, ...field } = props;
  const [words, setWords] = useState('');
  const users = useApi((signal) => find(words.trim() || undefined, signal), [words, find]);
  // every user shown so far, so that a chosen one keeps its name once a new search no longer finds him
  const known = useRef(new Map<number, UserOption>());
  const options = useMemo(() => {
    const found = (users.data ?? []).map(userOptionOf);
    for (const option of found) known.current.set(option.value, option);
    const chosen = field.value === undefined ? [] : ([] as number[]).concat(field.value);
    return userOptionsOf(found, chosen, known.current);
  }, [users.data, field.value]);
  return (
    <Select<V>
      {...field}
      {...(multiple ? { mode: 'multiple' as const } : {})}
      showSearch
      filterOption={false}
      onSearch={setWords}
      loading={users.loading}
      placeholder={placeholder ?? '输入姓名或用户名查找'}
      options={options}
    />
  );
}

import { useEffect, useState } from 'react';

/** `value`, but only after it stopped changing for `delayMs`: what search-as-you-type asks the server with. */
export function useDebounced<T>(value: T, delayMs = 400): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(value), delayMs);
    return () => window.clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}

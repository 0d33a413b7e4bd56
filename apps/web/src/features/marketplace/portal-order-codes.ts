const KEY = 'shanzhi.market.orders';

/** An order the citizen placed in this browser, and the code that lets him follow it. */
export interface KeptOrder {
  id: number;
  code: string;
}

function read(): KeptOrder[] {
  try {
    const value = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(value) ? (value as KeptOrder[]) : [];
  } catch {
    return [];
  }
}

/** Keeps an order's 查询码 in this browser (the citizen has no account): newest first, the last 20. */
export function keepOrderCode(order: KeptOrder): void {
  localStorage.setItem(KEY, JSON.stringify([order, ...read().filter((o) => o.id !== order.id)].slice(0, 20)));
}

/** The 查询码 kept for an order, if this browser placed it. */
export function keptOrderCode(id: number): string | undefined {
  return read().find((o) => o.id === id)?.code;
}

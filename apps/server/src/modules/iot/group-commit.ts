/** One item waiting for its batch, and how to tell its sender the outcome. */
interface Waiting<T> {
  item: T;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: items handed in while a batch is being written wait for the next one, which takes them all
 * at once; each item's promise settles when its batch is written (or fails with it). A burst costs one write
 * per batch, not one per item.
 */
export function groupCommit<T>(write: (items: T[]) => Promise<void>): (item: T) => Promise<void> {
  let waiting: Waiting<T>[] = [];
  let writing = false;
  const next = (): void => {
    if (writing || waiting.length === 0) return;
    writing = true;
    // on the next turn of the event loop, so that every message already read in this one joins the batch
    // (an embedded database answers within the same turn, and would otherwise take them one by one)
    setImmediate(() => writeBatch());
  };
  const writeBatch = (): void => {
    const batch = waiting;
    waiting = [];
    write(batch.map((w) => w.item))
      .then(
        () => {
          for (const w of batch) w.resolve();
        },
        (error: unknown) => {
          for (const w of batch) w.reject(error);
        },
      )
      .finally(() => {
        writing = false;
        next();
      });
  };
  return (item) =>
    new Promise<void>((resolve, reject) => {
      waiting.push({ item, resolve, reject });
      next();
    });
}

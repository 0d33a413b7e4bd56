/**
 * A fixed open-addressing table from a 32-bit feature hash to its column in the model. Faster than a `Map` on
 * the prediction path and rebuilt in a few milliseconds from the stored key list when a model is loaded.
 */
export class HashIndex {
  // Key and column side by side, so that a lookup touches one cache line rather than two arrays.
  private readonly table: Int32Array;
  private readonly mask: number;

  /** Indexes `keys`: the hash at position i gets column i. Keys must be distinct. */
  constructor(keys: Uint32Array) {
    let capacity = 16;
    while (capacity < keys.length * 2) capacity *= 2;
    this.table = new Int32Array(capacity * 2).fill(-1);
    this.mask = capacity - 1;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]! | 0;
      let s = this.slotOf(key);
      while (this.table[2 * s + 1] !== -1) s = (s + 1) & this.mask;
      this.table[2 * s] = key;
      this.table[2 * s + 1] = i;
    }
  }

  /** The column of a feature hash, or -1 when the feature is not in the vocabulary. */
  get(hash: number): number {
    const key = hash | 0;
    const table = this.table;
    let s = this.slotOf(key);
    for (;;) {
      const column = table[2 * s + 1]!;
      if (column === -1 || table[2 * s] === key) return column;
      s = (s + 1) & this.mask;
    }
  }

  private slotOf(key: number): number {
    return (Math.imul(key, 0x9e3779b1) >>> 0) & this.mask;
  }
}

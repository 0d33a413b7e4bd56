function logFactorial(k: number): number {
  let sum = 0;
  for (let i = 2; i <= k; i++) sum += Math.log(i);
  return sum;
}

/**
 * One-sided Poisson tail P(X ≥ k) for mean `lambda`, summed from the k-th term upwards (not 1 − CDF), so that
 * tiny p-values keep their precision.
 */
export function poissonUpperTail(k: number, lambda: number): number {
  if (k <= 0) return 1;
  if (lambda <= 0) return 0;
  let term = Math.exp(-lambda + k * Math.log(lambda) - logFactorial(k));
  let sum = 0;
  for (let i = k; i < k + 1_000; i++) {
    sum += term;
    term *= lambda / (i + 1);
    if (term < sum * 1e-15) break;
  }
  return Math.min(1, sum);
}

/** How unusual a p-value is, as −log10 p (capped at 300 for p = 0). */
export function surpriseOf(p: number): number {
  return p <= 0 ? 300 : Math.min(300, -Math.log10(p));
}

/**
 * A running sum with Neumaier's compensation (Kahan summation that also
 * handles addends larger than the running sum).
 *
 * Why floating point with compensation rather than integer micro-units:
 * billing lines carry sub-micro amounts (the FOCUS sample has charges of
 * 0.0000004 USD for single API requests), and there can be millions of them
 * per day; rounding each to 1e-6 would bias request-priced services, and a
 * finer integer scale overflows Number's 2^53 exact range at realistic
 * totals (BigInt would be exact but several times slower per row). The
 * compensated sum's error is bounded by a few ulps of the total, independent
 * of the number of rows, so aggregating a file gives (to ~1e-15 relative)
 * the exactly rounded sum of its values.
 */
export class CompensatedSum {
  private sum = 0;
  private compensation = 0;

  add(value: number): void {
    const total = this.sum + value;
    // Recover the low-order bits lost in `total` from whichever operand was
    // smaller in magnitude.
    if (Math.abs(this.sum) >= Math.abs(value)) {
      this.compensation += this.sum - total + value;
    } else {
      this.compensation += value - total + this.sum;
    }
    this.sum = total;
  }

  get value(): number {
    return this.sum + this.compensation;
  }
}

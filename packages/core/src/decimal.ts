// Exact decimal numbers for points. A value is `mantissa / 10^scale` with a BigInt mantissa, so sums and
// products of points written in decimal (0.5, 1.5, 80%) are exact. Binary floating point is never used.
// Invariant: values are normalized (no trailing zero digits in the mantissa when scale > 0).

export class Decimal {
  private constructor(
    readonly mantissa: bigint,
    readonly scale: number,
  ) {}

  static readonly ZERO = new Decimal(0n, 0);
  static readonly ONE = new Decimal(1n, 0);
  static readonly HUNDRED = new Decimal(100n, 0);

  /** Parses `12`, `-1.50`, `.5`; returns undefined for anything else. Linear in the length of the text. */
  static parse(text: string): Decimal | undefined {
    if (/^\d{1,15}$/.test(text)) return new Decimal(BigInt(text), 0);
    const m = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(text.trim());
    if (!m || (m[2] === '' && (m[3] ?? '') === '')) return undefined;
    // Trailing zeros of the fraction are dropped here, in the text, so that no BigInt is divided by
    // ten once per zero (quadratic in the number of digits).
    let frac = m[3] ?? '';
    let end = frac.length;
    while (end > 0 && frac.charCodeAt(end - 1) === 48) end--;
    frac = frac.slice(0, end);
    const digits = (m[2] ?? '') + frac;
    const mant = BigInt(digits === '' ? '0' : digits) * (m[1] === '-' ? -1n : 1n);
    return Decimal.of(mant, frac.length);
  }

  /** The normalized value mantissa / 10^scale: trailing zeros are removed in one division. */
  private static of(mantissa: bigint, scale: number): Decimal {
    if (scale === 0 || mantissa % 10n !== 0n) return new Decimal(mantissa, scale);
    if (mantissa === 0n) return new Decimal(0n, 0);
    const digits = (mantissa < 0n ? -mantissa : mantissa).toString();
    let zeros = 0;
    while (zeros < scale && digits.charCodeAt(digits.length - 1 - zeros) === 48) zeros++;
    return new Decimal(mantissa / 10n ** BigInt(zeros), scale - zeros);
  }

  private static align(a: Decimal, b: Decimal): [bigint, bigint, number] {
    if (a.scale === b.scale) return [a.mantissa, b.mantissa, a.scale];
    const s = Math.max(a.scale, b.scale);
    return [a.mantissa * 10n ** BigInt(s - a.scale), b.mantissa * 10n ** BigInt(s - b.scale), s];
  }

  add(o: Decimal): Decimal {
    if (o.mantissa === 0n) return this;
    if (this.mantissa === 0n) return o;
    const [x, y, s] = Decimal.align(this, o);
    return Decimal.of(x + y, s);
  }
  sub(o: Decimal): Decimal {
    const [x, y, s] = Decimal.align(this, o);
    return Decimal.of(x - y, s);
  }
  mul(o: Decimal): Decimal {
    return Decimal.of(this.mantissa * o.mantissa, this.scale + o.scale);
  }
  neg(): Decimal {
    return new Decimal(-this.mantissa, this.scale);
  }
  /** Divides by 100 (a percentage to a fraction). Exact. */
  percent(): Decimal {
    return Decimal.of(this.mantissa, this.scale + 2);
  }
  cmp(o: Decimal): -1 | 0 | 1 {
    if (this.scale === o.scale) return this.mantissa < o.mantissa ? -1 : this.mantissa > o.mantissa ? 1 : 0;
    const [x, y] = Decimal.align(this, o);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  eq(o: Decimal): boolean {
    return this.cmp(o) === 0;
  }
  lt(o: Decimal): boolean {
    return this.cmp(o) < 0;
  }
  gt(o: Decimal): boolean {
    return this.cmp(o) > 0;
  }
  isZero(): boolean {
    return this.mantissa === 0n;
  }
  isNegative(): boolean {
    return this.mantissa < 0n;
  }
  /** Number of digits after the decimal point. */
  get decimals(): number {
    return this.scale;
  }
  /** The smallest positive step this value is a multiple of: 10^-scale. */
  static unit(decimals: number): Decimal {
    return Decimal.of(1n, decimals);
  }
  /** True when this value is an integer multiple of `step` (step > 0). */
  isMultipleOf(step: Decimal): boolean {
    const [x, y] = Decimal.align(this, step);
    return y !== 0n && x % y === 0n;
  }
  /** The largest integer not above this value. */
  floor(): Decimal {
    if (this.scale === 0) return this;
    const d = 10n ** BigInt(this.scale);
    const q = this.mantissa / d;
    return new Decimal(this.mantissa < 0n && q * d !== this.mantissa ? q - 1n : q, 0);
  }
  /** The smallest integer not below this value. */
  ceil(): Decimal {
    return this.neg().floor().neg();
  }
  /** How many whole times `o` (> 0) fits in this value, rounded down: floor(this / o). */
  floorDiv(o: Decimal): Decimal {
    const [x, y] = Decimal.align(this, o);
    const q = x / y;
    return new Decimal((x < 0n) !== (y < 0n) && q * y !== x ? q - 1n : q, 0);
  }
  static min(a: Decimal, b: Decimal): Decimal {
    return a.cmp(b) <= 0 ? a : b;
  }
  static max(a: Decimal, b: Decimal): Decimal {
    return a.cmp(b) >= 0 ? a : b;
  }
  static sum(xs: Iterable<Decimal>): Decimal {
    let acc = Decimal.ZERO;
    for (const x of xs) acc = acc.add(x);
    return acc;
  }
  toString(): string {
    const neg = this.mantissa < 0n;
    let digits = (neg ? -this.mantissa : this.mantissa).toString();
    if (this.scale > 0) {
      digits = digits.padStart(this.scale + 1, '0');
      digits = `${digits.slice(0, digits.length - this.scale)}.${digits.slice(digits.length - this.scale)}`;
    }
    return neg ? `-${digits}` : digits;
  }
  toJSON(): string {
    return this.toString();
  }
}

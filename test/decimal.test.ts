// Exact decimal arithmetic for points: no binary floating point anywhere.
import { Decimal } from '@rubric/core';
import { describe, expect, it } from 'vitest';

const d = (s: string) => Decimal.parse(s)!;

describe('Decimal', () => {
  it('adds and multiplies exactly', () => {
    expect(d('0.1').add(d('0.2')).toString()).toBe('0.3');
    expect(d('12').mul(d('1.5')).toString()).toBe('18');
    expect(d('100').mul(d('80').percent()).toString()).toBe('80');
    expect(d('-1.50').toString()).toBe('-1.5');
    expect(d('0.5').sub(d('2')).toString()).toBe('-1.5');
  });
  it('compares across scales', () => {
    expect(d('1.50').eq(d('1.5'))).toBe(true);
    expect(d('900.5').gt(d('900'))).toBe(true);
    expect(Decimal.sum([d('0.1'), d('0.1'), d('0.1')]).eq(d('0.3'))).toBe(true);
  });
  it('refuses what is not a decimal', () => {
    expect(Decimal.parse('1.2.3')).toBeUndefined();
    expect(Decimal.parse('abc')).toBeUndefined();
    expect(Decimal.parse('')).toBeUndefined();
  });
  it('knows multiples of a step', () => {
    expect(d('900.5').isMultipleOf(d('0.5'))).toBe(true);
    expect(d('900.25').isMultipleOf(d('0.5'))).toBe(false);
  });
});

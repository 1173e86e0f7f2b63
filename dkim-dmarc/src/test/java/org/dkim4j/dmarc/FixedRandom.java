package org.dkim4j.dmarc;

import java.util.random.RandomGenerator;

/** A random source that always draws the same number, for pct= tests. */
final class FixedRandom implements RandomGenerator {
  private final int value;
  int draws;

  FixedRandom(int value) {
    this.value = value;
  }

  @Override
  public long nextLong() {
    return value;
  }

  @Override
  public int nextInt(int bound) {
    draws++;
    return value % bound;
  }
}

package org.dkim4j.dkim;

import java.security.MessageDigest;
import org.dkim4j.canon.ByteSink;

/**
 * Hashes canonical body bytes, up to an optional {@code l=} limit, and counts all of them.
 *
 * <p>Small slices (where canonicalization changed something: a line ending, a run of whitespace)
 * are gathered in a buffer and hashed together, since each {@link MessageDigest#update} call costs
 * about as much as hashing a hundred bytes; large slices go to the digest directly.
 */
final class BodyHasher implements ByteSink {
  private static final int BATCH = 1024;
  private static final int SMALL = 256;

  private final MessageDigest digest;
  private final long limit;
  private long hashed;
  private long total;
  private byte[] batch;
  private int batched;
  private byte[] result;

  BodyHasher(MessageDigest digest, long limit) {
    this.digest = digest;
    this.limit = limit;
  }

  @Override
  public void write(byte[] bytes, int offset, int length) {
    total += length;
    int n = length;
    if (limit >= 0) {
      if (hashed >= limit) {
        return;
      }
      n = (int) Math.min(length, limit - hashed);
    }
    hashed += n;
    if (n < SMALL) {
      if (batch == null) {
        batch = new byte[BATCH];
      } else if (batched + n > BATCH) {
        flushBatch();
      }
      System.arraycopy(bytes, offset, batch, batched, n);
      batched += n;
    } else {
      flushBatch();
      digest.update(bytes, offset, n);
    }
  }

  private void flushBatch() {
    if (batched > 0) {
      digest.update(batch, 0, batched);
      batched = 0;
    }
  }

  void finish() {
    flushBatch();
    result = digest.digest();
  }

  /** The digest of the first {@code l=} canonical bytes, or of all when there is no limit. */
  byte[] hash() {
    return result;
  }

  /** The number of canonical body bytes seen in total. */
  long canonicalLength() {
    return total;
  }
}

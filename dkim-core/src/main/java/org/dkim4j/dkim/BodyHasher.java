package org.dkim4j.dkim;

import java.security.MessageDigest;
import org.dkim4j.canon.ByteSink;

/** Hashes canonical body bytes, up to an optional {@code l=} limit, and counts all of them. */
final class BodyHasher implements ByteSink {
  private final MessageDigest digest;
  private final long limit;
  private long hashed;
  private long total;
  private byte[] result;

  BodyHasher(MessageDigest digest, long limit) {
    this.digest = digest;
    this.limit = limit;
  }

  @Override
  public void write(byte[] bytes, int offset, int length) {
    total += length;
    if (limit < 0) {
      digest.update(bytes, offset, length);
      hashed += length;
    } else if (hashed < limit) {
      int n = (int) Math.min(length, limit - hashed);
      digest.update(bytes, offset, n);
      hashed += n;
    }
  }

  void finish() {
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

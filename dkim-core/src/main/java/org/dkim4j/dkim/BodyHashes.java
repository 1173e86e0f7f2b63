package org.dkim4j.dkim;

import java.util.ArrayList;
import java.util.List;
import org.dkim4j.canon.BodyCanonicalizer;
import org.dkim4j.canon.ByteSink;
import org.dkim4j.canon.Canonicalization;
import org.dkim4j.crypto.SignatureAlgorithm;

/**
 * Computes every body hash one message needs in a single pass: one canonicalizer per
 * canonicalization, feeding one hasher per distinct (hash, {@code l=}) combination (RFC 6376
 * section 3.7). Several signatures with the same settings share the work.
 */
final class BodyHashes {

  /** One requested hash; a message has one or a few, so a list is searched. */
  private record Request(
      Canonicalization canonicalization, String hash, long limit, BodyHasher hasher) {}

  private final List<Request> requests = new ArrayList<>(2);

  /** One per canonicalization in use, made at the first {@link #update}. */
  private BodyCanonicalizer[] canonicalizers;

  /** Registers a body hash to compute; {@code limit} is {@code l=} or -1 for the whole body. */
  BodyHasher request(Canonicalization canonicalization, SignatureAlgorithm algorithm, long limit) {
    if (canonicalizers != null) {
      throw new IllegalStateException("the body is being read: too late to request a hash");
    }
    String hash = algorithm.hashName();
    for (Request request : requests) {
      if (request.canonicalization == canonicalization
          && request.limit == limit
          && request.hash.equals(hash)) {
        return request.hasher;
      }
    }
    BodyHasher hasher = new BodyHasher(algorithm.newDigest(), limit);
    requests.add(new Request(canonicalization, hash, limit, hasher));
    return hasher;
  }

  /** Feeds body bytes, exactly as received. */
  void update(byte[] bytes, int offset, int length) {
    if (canonicalizers == null) {
      canonicalizers = canonicalizers();
    }
    for (BodyCanonicalizer canonicalizer : canonicalizers) {
      canonicalizer.update(bytes, offset, length);
    }
  }

  /** Ends the body and completes every hash. */
  void finish() {
    if (canonicalizers == null) {
      canonicalizers = canonicalizers();
    }
    for (BodyCanonicalizer canonicalizer : canonicalizers) {
      canonicalizer.finish();
    }
    for (Request request : requests) {
      request.hasher.finish();
    }
  }

  boolean isEmpty() {
    return requests.isEmpty();
  }

  private BodyCanonicalizer[] canonicalizers() {
    List<BodyCanonicalizer> result = new ArrayList<>(2);
    for (Canonicalization canonicalization : Canonicalization.values()) {
      List<BodyHasher> targets = new ArrayList<>(requests.size());
      for (Request request : requests) {
        if (request.canonicalization == canonicalization) {
          targets.add(request.hasher);
        }
      }
      if (!targets.isEmpty()) {
        result.add(BodyCanonicalizer.of(canonicalization, fanOut(targets)));
      }
    }
    return result.toArray(new BodyCanonicalizer[0]);
  }

  private static ByteSink fanOut(List<BodyHasher> targets) {
    if (targets.size() == 1) {
      return targets.get(0);
    }
    BodyHasher[] array = targets.toArray(new BodyHasher[0]);
    return (bytes, offset, length) -> {
      for (BodyHasher target : array) {
        target.write(bytes, offset, length);
      }
    };
  }
}

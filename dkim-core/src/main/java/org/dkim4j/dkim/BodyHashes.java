package org.dkim4j.dkim;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

  private record Key(Canonicalization canonicalization, String hash, long limit) {}

  private final Map<Key, BodyHasher> hashers = new HashMap<>();
  private final Map<Canonicalization, List<BodyHasher>> sinks =
      new EnumMap<>(Canonicalization.class);
  private final Map<Canonicalization, BodyCanonicalizer> canonicalizers =
      new EnumMap<>(Canonicalization.class);

  /** Registers a body hash to compute; {@code limit} is {@code l=} or -1 for the whole body. */
  BodyHasher request(Canonicalization canonicalization, SignatureAlgorithm algorithm, long limit) {
    Key key = new Key(canonicalization, algorithm.hashName(), limit);
    return hashers.computeIfAbsent(
        key,
        k -> {
          BodyHasher hasher = new BodyHasher(algorithm.newDigest(), limit);
          sinks.computeIfAbsent(canonicalization, c -> new ArrayList<>()).add(hasher);
          return hasher;
        });
  }

  /** Feeds body bytes, exactly as received. */
  void update(byte[] bytes, int offset, int length) {
    if (canonicalizers.isEmpty()) {
      sinks.forEach((c, list) -> canonicalizers.put(c, BodyCanonicalizer.of(c, fanOut(list))));
    }
    for (BodyCanonicalizer canonicalizer : canonicalizers.values()) {
      canonicalizer.update(bytes, offset, length);
    }
  }

  /** Ends the body and completes every hash. */
  void finish() {
    update(new byte[0], 0, 0);
    canonicalizers.values().forEach(BodyCanonicalizer::finish);
    hashers.values().forEach(BodyHasher::finish);
  }

  boolean isEmpty() {
    return hashers.isEmpty();
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

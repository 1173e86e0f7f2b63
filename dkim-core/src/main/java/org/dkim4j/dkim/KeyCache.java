package org.dkim4j.dkim;

import java.util.concurrent.ConcurrentHashMap;
import org.dkim4j.crypto.KeyFormatException;
import org.dkim4j.crypto.VerificationKey;

/**
 * Key records parsed and public keys decoded once per record text, for one verifier. Mail comes
 * from few signers, and decoding a key is no small part of verifying: an Ed25519 key is decoded
 * (RFC 8032 section 5.1.3) and checked to lie in the prime-order subgroup, which costs about as
 * much as verifying a signature. The same text always gives the same record and key, so results do
 * not change. Bounded: records longer than {@link #MAX_TEXT} characters are not kept, and the cache
 * starts over when it holds {@link #MAX_ENTRIES}. Thread-safe.
 */
final class KeyCache {
  static final int MAX_ENTRIES = 256;
  static final int MAX_TEXT = 4096;

  private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

  /** A parsed record and, once asked for, its decoded key or why it does not decode. */
  static final class Entry {
    final KeyRecord record;
    private volatile VerificationKey key;
    private volatile String keyError;

    Entry(KeyRecord record) {
      this.record = record;
    }

    /**
     * Returns the decoded {@code p=}, for a record whose {@code k=} is known and whose key is not
     * revoked.
     *
     * @throws KeyFormatException when {@code p=} is not a key of type {@code k=}
     */
    VerificationKey key() {
      VerificationKey decoded = key;
      if (decoded != null) {
        return decoded;
      }
      String error = keyError;
      if (error != null) {
        throw new KeyFormatException(error);
      }
      try {
        decoded = VerificationKey.decode(record.keyType().orElseThrow(), record.publicKeyData());
      } catch (KeyFormatException e) {
        keyError = e.getMessage();
        throw e;
      }
      key = decoded;
      return decoded;
    }
  }

  /**
   * Returns the record for {@code text}, parsing it the first time.
   *
   * @throws DkimSyntaxException when the text is not a valid key record (not kept)
   */
  Entry parse(String text) {
    Entry entry = entries.get(text);
    if (entry != null) {
      return entry;
    }
    entry = new Entry(KeyRecord.parse(text));
    if (text.length() <= MAX_TEXT) {
      if (entries.size() >= MAX_ENTRIES) {
        entries.clear();
      }
      Entry earlier = entries.putIfAbsent(text, entry);
      if (earlier != null) {
        return earlier;
      }
    }
    return entry;
  }
}

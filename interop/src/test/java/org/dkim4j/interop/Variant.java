package org.dkim4j.interop;

import java.util.ArrayList;
import java.util.List;

/**
 * What a signature is made with: algorithm, key, the selector its key record is published under,
 * and canonicalization.
 *
 * @param algorithm the {@code a=} value
 * @param key the private key
 * @param selector the {@code s=} value; its record is published by {@link Keys}
 * @param canonicalization the {@code c=} value, always with both halves
 */
record Variant(String algorithm, Keys.Key key, String selector, String canonicalization) {

  static final List<String> CANONICALIZATIONS =
      List.of("simple/simple", "relaxed/relaxed", "relaxed/simple");

  /** RSA-SHA256 with 2048 and 1024-bit keys and Ed25519, each in every canonicalization. */
  static List<Variant> standard() {
    List<Variant> variants = new ArrayList<>();
    for (Keys.Key key : Keys.Key.values()) {
      for (String c : CANONICALIZATIONS) {
        variants.add(new Variant(key.algorithm, key, key.selector, c));
      }
    }
    return List.copyOf(variants);
  }

  /** RSA-SHA1, which RFC 8301 forbids verifiers to accept; its key record allows any hash. */
  static final Variant RSA_SHA1 =
      new Variant("rsa-sha1", Keys.Key.RSA_2048, Keys.SHA1_SELECTOR, "relaxed/simple");

  /** A key record of about 1.4 kB: larger than any UDP answer dnsmasq sends, so TCP only. */
  static final Variant LARGE_RECORD =
      new Variant("rsa-sha256", Keys.Key.RSA_2048, Keys.LARGE_SELECTOR, "relaxed/relaxed");

  boolean ed25519() {
    return key == Keys.Key.ED25519;
  }

  boolean simpleHeaders() {
    return canonicalization.startsWith("simple/");
  }

  /** A short name for the matrix, e.g. {@code rsa-sha256 2048 relaxed/simple (s=big)}. */
  String label() {
    String bits = key.bits.isEmpty() ? "" : " " + key.bits;
    String note = selector.equals(key.selector) ? "" : " (s=" + selector + ")";
    return algorithm + bits + " " + canonicalization + note;
  }

  /** A name usable in file names, e.g. {@code rsa-sha256-2048-relaxed-simple-big}. */
  String fileName() {
    String note = selector.equals(key.selector) ? "" : "-" + selector;
    return (key.selector + "-" + algorithm + "-" + canonicalization + note).replace('/', '-');
  }
}

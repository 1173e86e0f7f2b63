package org.dkim4j.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.dkim4j.dkim.DkimSignature;

/** Assertions on parsed DKIM signatures, shared by the parser's tests and fuzz targets. */
public final class SignatureAssertions {
  private SignatureAssertions() {}

  /**
   * Asserts that two signatures show the same values through every public accessor, tag list and
   * field order included, and that {@code actual}'s {@code h=} list cannot be modified.
   *
   * @param context what was parsed, for the failure message
   */
  public static void assertSameSignature(
      DkimSignature expected, DkimSignature actual, String context) {
    assertEquals(expected.tags().names(), actual.tags().names(), context);
    assertEquals(expected.tags(), actual.tags(), context);
    assertEquals(expected.algorithm(), actual.algorithm(), context);
    assertArrayEquals(expected.signature(), actual.signature(), context);
    assertEquals(expected.signatureBase64(), actual.signatureBase64(), context);
    assertArrayEquals(expected.bodyHash(), actual.bodyHash(), context);
    assertEquals(expected.headerCanonicalization(), actual.headerCanonicalization(), context);
    assertEquals(expected.bodyCanonicalization(), actual.bodyCanonicalization(), context);
    assertEquals(expected.domain(), actual.domain(), context);
    assertEquals(expected.selector(), actual.selector(), context);
    assertEquals(expected.signedHeaders(), actual.signedHeaders(), context);
    assertThrows(
        UnsupportedOperationException.class, () -> actual.signedHeaders().add("x"), context);
    assertEquals(expected.identity(), actual.identity(), context);
    assertEquals(expected.identityDomain(), actual.identityDomain(), context);
    assertEquals(expected.bodyLength(), actual.bodyLength(), context);
    assertEquals(expected.timestamp(), actual.timestamp(), context);
    assertEquals(expected.expiration(), actual.expiration(), context);
    assertEquals(expected.copiedHeaders(), actual.copiedHeaders(), context);
    assertEquals(expected.toString(), actual.toString(), context);
  }
}

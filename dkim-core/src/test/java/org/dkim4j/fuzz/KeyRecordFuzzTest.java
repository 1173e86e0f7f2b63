package org.dkim4j.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.dkim4j.crypto.KeyFormatException;
import org.dkim4j.crypto.KeyType;
import org.dkim4j.crypto.VerificationKey;
import org.dkim4j.dkim.DkimSyntaxException;
import org.dkim4j.dkim.KeyRecord;
import org.dkim4j.message.Ascii;

/**
 * {@link KeyRecord#parse} fails only with {@link DkimSyntaxException} and keeps the rules of RFC
 * 6376 section 3.6.1; {@link VerificationKey#decode} fails only with {@link KeyFormatException},
 * both for the record's {@code p=} and for the input bytes taken as key data directly (which
 * reaches the DER readers far more often than valid base64 does). The record text is the input read
 * as ISO-8859-1.
 */
class KeyRecordFuzzTest {

  @FuzzTest(maxDuration = "10m")
  void keyRecordsAndKeysFailOnlyAsDocumented(byte[] raw) {
    if (raw == null) {
      return;
    }
    String text = new String(raw, StandardCharsets.ISO_8859_1);
    decode(KeyType.RSA, raw);
    decode(KeyType.ED25519, raw);

    KeyRecord record;
    try {
      record = KeyRecord.parse(text);
    } catch (DkimSyntaxException expected) {
      return;
    }
    String v = record.tags().getOrNull("v");
    if (v != null) {
      assertEquals("DKIM1", v);
      assertEquals("v", record.tags().names().get(0), "v= is not first");
    }
    String p = record.tags().getOrNull("p");
    assertTrue(p != null, "no p=");
    byte[] data = Base64.getDecoder().decode(p.replaceAll("[ \t\r\n]", ""));
    assertArrayEquals(data, record.publicKeyData());
    assertEquals(data.length == 0, record.revoked());

    String k = Ascii.toLowerCase(record.keyTypeName());
    Optional<KeyType> expectedType =
        k.equals("rsa")
            ? Optional.of(KeyType.RSA)
            : k.equals("ed25519") ? Optional.of(KeyType.ED25519) : Optional.empty();
    assertEquals(expectedType, record.keyType(), "k=" + record.keyTypeName());
    record.serviceTypes().forEach(s -> assertTrue(!s.isEmpty() && !s.contains(":")));
    record.hashAlgorithms().forEach(h -> assertTrue(!h.isEmpty() && !h.contains(":")));
    record.flags().forEach(f -> assertTrue(!f.isEmpty() && !f.contains(":")));

    if (record.keyType().isPresent() && !record.revoked()) {
      decode(record.keyType().get(), data);
    }
  }

  /** Decodes and, on success, checks that the key reads back from its own record data. */
  private static void decode(KeyType type, byte[] data) {
    VerificationKey key;
    try {
      key = VerificationKey.decode(type, data);
    } catch (KeyFormatException expected) {
      return;
    }
    assertEquals(type, key.type());
    assertTrue(key.bits() > 0, "a key of " + key.bits() + " bits");
    byte[] recordData = key.recordData();
    if (type == KeyType.ED25519) {
      assertArrayEquals(data, recordData);
      assertEquals(256, key.bits());
    }
    VerificationKey again = VerificationKey.decode(type, recordData);
    assertArrayEquals(recordData, again.recordData());
    assertEquals(key.bits(), again.bits());
  }
}

package org.dkim4j.dkim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.dkim4j.canon.Canonicalization;
import org.dkim4j.message.Ascii;
import org.dkim4j.message.HeaderField;
import org.junit.jupiter.api.Test;

/**
 * Which fields the header hash takes (RFC 6376 section 5.4.2): for each name in {@code h=}, the
 * last instance not taken yet; none when every instance is taken.
 */
class HeaderHashPickingTest {

  private static final byte[] SIGNATURE =
      "DKIM-Signature: v=1; b=".getBytes(StandardCharsets.UTF_8);

  @Test
  void takesInstancesBottomUpAndNothingForANameWithNoneLeft() {
    List<HeaderField> fields =
        List.of(
            HeaderField.of("From: first\r\n"),
            HeaderField.of("To: a\r\n"),
            HeaderField.of("FROM: second\r\n"),
            HeaderField.of("Subject: s\r\n"));

    String hashed = hashed(fields, List.of("from", "subject", "from", "from", "x-absent"));

    assertEquals("FROM: second\r\nSubject: s\r\nFrom: first\r\nDKIM-Signature: v=1; b=", hashed);
  }

  @Test
  void agreesWithMarkingUsedFieldsOneByOne() {
    Random random = new Random(11);
    String longName = "X-" + "a".repeat(70);
    String longerName = "X-" + "b".repeat(90);
    String[] names = {
      "From",
      "from",
      "To",
      "tO",
      "Cc",
      "Subject",
      "X-A",
      "x-a",
      "X-B",
      "Date",
      longName,
      longName.toUpperCase(Locale.ROOT),
      longerName,
      "X-" + "a".repeat(61)
    };
    int taken = 0;
    for (int round = 0; round < 5_000; round++) {
      List<HeaderField> fields = new ArrayList<>();
      int fieldCount = random.nextInt(8);
      for (int i = 0; i < fieldCount; i++) {
        fields.add(HeaderField.of(names[random.nextInt(names.length)] + ": " + i + "\r\n"));
      }
      List<String> signed = new ArrayList<>();
      int nameCount = 1 + random.nextInt(10);
      for (int i = 0; i < nameCount; i++) {
        signed.add(names[random.nextInt(names.length)]);
      }
      String expected = reference(fields, signed);
      taken += expected.length();
      assertEquals(expected, hashed(fields, signed), () -> fields + " h=" + signed);
    }
    assertTrue(taken > 5_000 * SIGNATURE.length, "no fields taken");
  }

  /** Simple canonicalization: what is hashed is the fields as they are, then the signature. */
  private static String hashed(List<HeaderField> fields, List<String> signed) {
    Recording digest = new Recording();
    HeaderHash.update(
        digest,
        Canonicalization.SIMPLE,
        HeaderHash.choose(fields, signed),
        SIGNATURE.clone(),
        SIGNATURE.length);
    return digest.bytes.toString(StandardCharsets.UTF_8);
  }

  private static String reference(List<HeaderField> fields, List<String> signed) {
    boolean[] used = new boolean[fields.size()];
    StringBuilder out = new StringBuilder();
    for (String name : signed) {
      for (int i = fields.size() - 1; i >= 0; i--) {
        if (!used[i] && Ascii.equalsIgnoreCase(fields.get(i).name(), name)) {
          used[i] = true;
          out.append(fields.get(i).text());
          break;
        }
      }
    }
    return out.append(new String(SIGNATURE, StandardCharsets.UTF_8)).toString();
  }

  /** A digest that keeps what it is given. */
  private static final class Recording extends MessageDigest {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    Recording() {
      super("recording");
    }

    @Override
    protected void engineUpdate(byte input) {
      bytes.write(input);
    }

    @Override
    protected void engineUpdate(byte[] input, int offset, int len) {
      bytes.write(input, offset, len);
    }

    @Override
    protected byte[] engineDigest() {
      return bytes.toByteArray();
    }

    @Override
    protected void engineReset() {
      bytes.reset();
    }
  }
}

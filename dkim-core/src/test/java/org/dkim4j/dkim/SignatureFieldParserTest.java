package org.dkim4j.dkim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.dkim4j.message.HeaderField;
import org.dkim4j.message.MessageLimits;
import org.dkim4j.message.MessageReader;
import org.dkim4j.testing.Corpora;
import org.dkim4j.testing.SignatureAssertions;
import org.junit.jupiter.api.Test;

/**
 * {@link DkimSignature#parse(HeaderField)} against {@link DkimSignature#parse(String)}: for every
 * field the same values or the same error, whichever path the field takes; and the common case does
 * take the byte path ({@link SignatureFieldParser}).
 */
class SignatureFieldParserTest {

  /** RFC 6376 appendix A.2, the example signature, folded as printed. */
  private static final String RFC6376_A2 =
      " v=1; a=rsa-sha256; s=brisbane; d=example.com;\r\n"
          + "      c=simple/simple; q=dns/txt; i=joe@football.example.com;\r\n"
          + "      h=Received : From : To : Subject : Date : Message-ID;\r\n"
          + "      bh=2jUSOH9NhtVGCQWNr9BrIAPreKQjO6Sn7XIkfJVOzv8=;\r\n"
          + "      b=AuUoFEfDxTDkHlLXSZEpZj79LICEps6eda7W3deTVFOk4yAUoqOB\r\n"
          + "        4nujc7YopdG5dWLSdNg6xNAZpOPr+kHxt1IrE+NahM6L/LbvaHut\r\n"
          + "        KVdkLLkpVaVVQPzeRDI009SO2Il5Lu7rDNH6mZckBdrIx0orEtZV\r\n"
          + "        4bmp/YzhwvcubU4=;";

  /** RFC 8463 appendix A.3, the Ed25519 example signature. */
  private static final String RFC8463_A3 =
      " v=1; a=ed25519-sha256; c=relaxed/relaxed;\r\n"
          + " d=football.example.com; i=@football.example.com;\r\n"
          + " q=dns/txt; s=brisbane; t=1528637909; h=from : to :\r\n"
          + " subject : date : message-id : from : subject : date;\r\n"
          + " bh=2jUSOH9NhtVGCQWNr9BrIAPreKQjO6Sn7XIkfJVOzv8=;\r\n"
          + " b=/gCrinpcQOoIfuHNQIbq4pgh9kyIK3AQUdt9OdqQehSwhEIug4D11Bus\r\n"
          + " Fa3bT3FY5OsU7ZbnKELq+eXdp1Q1Dw==";

  /** A signature as dkim4j writes it, with every optional tag. */
  private static final String ALL_TAGS =
      " v=1; a=rsa-sha256; c=relaxed/relaxed; d=example.com; s=sel;\r\n"
          + "\tq=dns/txt; i=user=2Btag@mail.example.com; l=1234; t=1700000000; x=1700086400;\r\n"
          + "\th=from:to:subject:date:from; z=From:=20a@example.com|To:b@example.com;\r\n"
          + "\tbh=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=;\r\n"
          + "\tb=dGhpcyBpcyBub3QgYSByZWFsIHNpZ25hdHVyZSwgb25seSBieXRlcw==";

  @Test
  void theRfcExamplesAndEveryTagTakeTheBytePath() {
    for (String value : List.of(RFC6376_A2, RFC8463_A3, ALL_TAGS)) {
      assertTrue(compare(value), value);
    }
    DkimSignature all = DkimSignature.parse(field(ALL_TAGS));
    assertEquals("user+tag@mail.example.com", all.identity());
    assertEquals(List.of("from", "to", "subject", "date", "from"), all.signedHeaders());
    assertEquals(1234, all.bodyLength().getAsLong());
    assertEquals(1700086400L, all.expiration().getAsLong());
    assertEquals("From:=20a@example.com|To:b@example.com", all.copiedHeaders().orElseThrow());
    assertSame(all.tags(), all.tags(), "the tag list is made once");
  }

  /** Spellings the byte path leaves to the string parser, each with its own outcome. */
  @Test
  void uncommonSpellingsAndErrorsGiveTheStringParsersOutcome() {
    String rest = "; d=example.com; s=sel; h=from; bh=AAAA; b=AAAA";
    List<String> values =
        List.of(
            "v=1; a=RSA-SHA256" + rest,
            "v=1; a=rsa-sha1" + rest,
            "v=1; a=rsa-sha512" + rest,
            "v=1; a=rsa-sha256; c=RELAXED/Relaxed" + rest,
            "v=1; a=rsa-sha256; c=relaxed / simple" + rest,
            "v=1; a=rsa-sha256; c=relaxed" + rest,
            "v=1; a=rsa-sha256; c=simple/relaxed/simple" + rest,
            "v=1; a=rsa-sha256; c=fancy" + rest,
            "v=2; a=rsa-sha256" + rest,
            "v=01; a=rsa-sha256" + rest,
            "V=1; v=1; a=rsa-sha256" + rest,
            "v=1; a=rsa-sha256; zz=unknown" + rest,
            "v=1; a=rsa-sha256; zz=unknown; A=other" + rest,
            "v=1; a=rsa-sha256; zz=one; zz=two" + rest,
            "v=1; a=rsa-sha256; B=upper; g_1=x" + rest,
            "v=1; a=rsa-sha256; 1a=digit" + rest,
            "v=1; a=rsa-sha256; a-b=dash" + rest,
            "v=1; a=rsa-sha256; g=one; g=two" + rest,
            "v=1; a=rsa-sha256; z=caf\u00e9" + rest,
            "v=1; a=rsa-sha256; d=ex\u00e4mple.com; s=sel; h=from; bh=AAAA; b=AAAA",
            "v=1; a=rsa-sha256; i=j\u00f6@example.com" + rest,
            "v=1; a=rsa-sha256; i=@other.example" + rest,
            "v=1; a=rsa-sha256; i=nobody" + rest,
            "v=1; a=rsa-sha256; l=" + "9".repeat(18) + rest,
            "v=1; a=rsa-sha256; l=" + "9".repeat(19) + rest,
            "v=1; a=rsa-sha256; l=" + "1".repeat(76) + rest,
            "v=1; a=rsa-sha256; l=" + "1".repeat(77) + rest,
            "v=1; a=rsa-sha256; l=-1" + rest,
            "v=1; a=rsa-sha256; t=" + "9".repeat(12) + rest,
            "v=1; a=rsa-sha256; t=" + "9".repeat(13) + rest,
            "v=1; a=rsa-sha256; t=20; x=10" + rest,
            "v=1; a=rsa-sha256; t=20; x=20" + rest,
            "v=1; a=rsa-sha256; t=20; x=19" + rest,
            "v=1; a=rsa-sha256; x=20" + rest,
            "v=1; a=rsa-sha256; t=" + rest,
            "v=1; a=rsa-sha256; q=dns/txt:other" + rest,
            "v=1; a=rsa-sha256; q=other" + rest,
            "v=1; a=rsa-sha256; q=DNS/TXT" + rest,
            "v=1; a=rsa-sha256; q=dns/t\u00e4t" + rest,
            "v=1; a=rsa-sha256; d=example.com; s=sel; h=to; bh=AAAA; b=AAAA",
            "v=1; a=rsa-sha256; d=example.com; s=sel; h=from:; bh=AAAA; b=AAAA",
            "v=1; a=rsa-sha256; d=example.com; s=sel; h=from : to\r\n :cc; bh=AAAA; b=AAAA",
            "v=1; a=rsa-sha256; d=example.com; s=sel; h=fr\u00f6m:from; bh=AAAA; b=AAAA",
            "v=1; a=rsa-sha256; d=example.com; s=sel; h=from; bh=; b=AAAA",
            "v=1; a=rsa-sha256; d=example.com; s=sel; h=from; bh=AAAA; b=AA\r\n AA",
            "v=1; a=rsa-sha256; d=example.com; s=sel; h=from; bh=AAAA; b=AA\u0001AA",
            "v=1; a=rsa-sha256; d=example.com; s=sel; h=from; bh=AAA; b=AAAA",
            "v=1; a=rsa-sha256; d=example.com; s=sel; h=from; bh=AAAA; b=AAAA;",
            "v=1; a=rsa-sha256; d=example.com; s=sel; h=from; bh=AAAA; b=AAAA; \r\n ",
            "v=1; a=rsa-sha256; d=example.com; s=sel; h=from; bh=AAAA; b=AAAA;;",
            "v=1; a=rsa-sha256; d=example.com; s=sel; h=from; bh=AAAA; b=AAAA; b=AAAA",
            "v=1; a=rsa-sha256; d=example.com; s=sel; h=from; bh=AAAA",
            "v=1; a=rsa-sha256; d=example.com; s=sel; h=from; bha=AAAA; bh=AAAA; b=AAAA",
            "v=1; a=rsa-sha256; d=example.com; s=sel; h=from; b h=AAAA; b=AAAA",
            "v=1; a=rsa-sha256; d=example.com; s=sel; h=from; bh\r\n =AAAA; b=AAAA",
            "v=1; a=rsa-sha256; d=example.com; s=sel; h=from; bh=AAAA; b",
            "v=1; a=rsa-sha256; d=example..com; s=sel; h=from; bh=AAAA; b=AAAA",
            "",
            " ",
            ";");
    int bytePath = 0;
    for (String value : values) {
      if (compare(value)) {
        bytePath++;
      }
    }
    assertTrue(bytePath >= 10, bytePath + " of " + values.size() + " took the byte path");
  }

  /**
   * Every one-byte edit of two signatures: each byte deleted, replaced and preceded by bytes that
   * matter to the grammar (delimiters, FWS, a letter, a digit, control and non-ASCII bytes).
   */
  @Test
  void everyOneByteEditGivesTheSameOutcomeOnBothPaths() {
    String[] inserts = {
      ";", "=", ":", " ", "\t", "\r\n ", "/", "@", "a", "B", "h", "0", "-", "\u0000", "\u007f",
      "\u00e9", "\u00ff", "+", ".", "_", "\u000b", "\u000c", "\u001c", "\u0085", "\u00a0", "\u0661"
    };
    int cases = 0;
    int bytePath = 0;
    for (String base : List.of(ALL_TAGS, RFC8463_A3)) {
      for (int at = 0; at <= base.length(); at++) {
        List<String> edits = new ArrayList<>();
        if (at < base.length()) {
          edits.add(base.substring(0, at) + base.substring(at + 1));
        }
        for (String insert : inserts) {
          edits.add(base.substring(0, at) + insert + base.substring(at));
          if (at < base.length()) {
            edits.add(base.substring(0, at) + insert + base.substring(at + 1));
          }
        }
        for (String edit : edits) {
          cases++;
          if (compare(edit)) {
            bytePath++;
          }
        }
      }
    }
    assertTrue(cases > 10_000, cases + " cases");
    assertTrue(bytePath > cases / 5, bytePath + " of " + cases + " took the byte path");
  }

  /**
   * Bytes that are not UTF-8, or not ASCII, where each kind of value is read: lone and truncated
   * sequences, an overlong form of ';', raw Latin-1 bytes.
   */
  @Test
  void bytesThatAreNotAsciiGiveTheSameOutcomeOnBothPaths() {
    String base =
        "v=1; a=rsa-sha256; c=relaxed/relaxed; d=example.com; s=sel; h=from:to;"
            + " i=@example.com; q=dns/txt; l=12; bh=AAAA; b=AAAA; z=a|b";
    byte[][] odd = {
      {(byte) 0xe2}, {(byte) 0xf0, (byte) 0x9f}, {(byte) 0xc0, (byte) 0xbb}, {(byte) 0xe9},
      {(byte) 0xff}, {(byte) 0xd9, (byte) 0xa1}, {(byte) 0xc2, (byte) 0xa0}, {(byte) 0x80}
    };
    int bytePath = 0;
    int cases = 0;
    for (int at = 0; at <= base.length(); at++) {
      for (byte[] bytes : odd) {
        byte[] head = base.substring(0, at).getBytes(StandardCharsets.US_ASCII);
        byte[] tail = base.substring(at).getBytes(StandardCharsets.US_ASCII);
        byte[] value = new byte[head.length + bytes.length + tail.length];
        System.arraycopy(head, 0, value, 0, head.length);
        System.arraycopy(bytes, 0, value, head.length, bytes.length);
        System.arraycopy(tail, 0, value, head.length + bytes.length, tail.length);
        cases++;
        if (compare(field(value))) {
          bytePath++;
        }
      }
      byte[] unknownTag =
          (base + "\u00e9t\u00e9").getBytes(StandardCharsets.ISO_8859_1); // Latin-1, not UTF-8
      assertTrue(compare(field(unknownTag)), "bytes that are not UTF-8 in z= are only kept");
    }
    assertTrue(bytePath > 0 && bytePath < cases, bytePath + " of " + cases + " took the byte path");
  }

  /** The DKIM-Signature fields of every message in the shared corpora. */
  @Test
  void corpusSignaturesGiveTheSameOutcomeAndValidOnesTakeTheBytePath() throws IOException {
    Path root = Corpora.root();
    List<HeaderField> fields = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      files.filter(Files::isRegularFile).forEach(file -> fields.addAll(signatureFields(file)));
    }
    assertTrue(fields.size() > 100, fields.size() + " signature fields");
    int bytePath = 0;
    int valid = 0;
    for (HeaderField field : fields) {
      if (compare(field)) {
        bytePath++;
      }
      try {
        DkimSignature.parse(field.value());
        valid++;
      } catch (DkimSyntaxException e) {
        // the byte path must leave it to the string parser, which compare() checked
      }
    }
    assertEquals(valid, bytePath, "every valid corpus signature takes the byte path");
  }

  @Test
  void theSignatureDoesNotChangeWithTheMessageItWasReadFrom() throws IOException {
    byte[] message =
        ("DKIM-Signature:" + ALL_TAGS + "\r\nFrom: a@example.com\r\n\r\nbody\r\n")
            .getBytes(StandardCharsets.ISO_8859_1);
    HeaderField field = MessageReader.sharing(message, MessageLimits.DEFAULT).readHeader().get(0);
    DkimSignature signature = DkimSignature.parse(field);
    java.util.Arrays.fill(message, (byte) 'x');
    assertEquals("example.com", signature.domain());
    assertEquals("From:=20a@example.com|To:b@example.com", signature.copiedHeaders().orElseThrow());
  }

  @Test
  void aFieldWithoutColonOrValueIsAMissingTag() {
    for (String raw : List.of("DKIM-Signature\r\n", "DKIM-Signature:\r\n", "DKIM-Signature:")) {
      DkimSyntaxException e =
          org.junit.jupiter.api.Assertions.assertThrows(
              DkimSyntaxException.class, () -> DkimSignature.parse(HeaderField.of(raw)));
      assertEquals("missing required tag v=", e.getMessage());
    }
    assertNull(SignatureFieldParser.parse(new byte[0], 0, 0));
  }

  private static List<HeaderField> signatureFields(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String text = new String(bytes, StandardCharsets.ISO_8859_1).toLowerCase(java.util.Locale.ROOT);
    if (!text.startsWith("dkim-signature:") && !text.contains("\ndkim-signature:")) {
      return List.of();
    }
    List<HeaderField> fields = new ArrayList<>();
    try {
      for (HeaderField field :
          new MessageReader(Corpora.toCrlf(bytes), MessageLimits.DEFAULT).readHeader()) {
        if (field.hasName("DKIM-Signature")) {
          fields.add(field);
        }
      }
    } catch (IOException | RuntimeException notAMessage) {
      return List.of(); // a data file that mentions the field, not a message
    }
    return fields;
  }

  private static HeaderField field(String value) {
    return HeaderField.of(("DKIM-Signature:" + value + "\r\n").getBytes(StandardCharsets.UTF_8));
  }

  private static HeaderField field(byte[] value) {
    byte[] raw = new byte[value.length + 17];
    System.arraycopy("DKIM-Signature:".getBytes(StandardCharsets.US_ASCII), 0, raw, 0, 15);
    System.arraycopy(value, 0, raw, 15, value.length);
    raw[raw.length - 2] = '\r';
    raw[raw.length - 1] = '\n';
    return HeaderField.of(raw);
  }

  /** {@link #compare(HeaderField)} for the field with this value. */
  private static boolean compare(String value) {
    return compare(field(value));
  }

  /**
   * Asserts that both entries give the same outcome for {@code field}, and that the byte path, when
   * it answers, answers as the string parser does; true when it answered.
   */
  private static boolean compare(HeaderField field) {
    String value = field.value();
    DkimSignature expected = null;
    String expectedError = null;
    try {
      expected = DkimSignature.parse(value);
    } catch (DkimSyntaxException e) {
      expectedError = e.getMessage();
    }
    byte[] raw = field.raw();
    int colon = raw.length;
    for (int k = 0; k < raw.length; k++) {
      if (raw[k] == ':') {
        colon = k;
        break;
      }
    }
    DkimSignature fast =
        colon < raw.length - 2 ? SignatureFieldParser.parse(raw, colon + 1, raw.length - 2) : null;
    if (fast != null) {
      if (expected == null) {
        fail(
            "the byte path accepted what the string parser refuses ("
                + expectedError
                + "): "
                + value);
      }
      SignatureAssertions.assertSameSignature(expected, fast, value);
    }
    try {
      DkimSignature actual = DkimSignature.parse(field);
      assertNotNull(expected, () -> "accepted, but the string parser says " + value);
      SignatureAssertions.assertSameSignature(expected, actual, value);
    } catch (DkimSyntaxException e) {
      assertEquals(expectedError, e.getMessage(), value);
    }
    return fast != null;
  }
}

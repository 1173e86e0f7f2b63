package org.dkim4j.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.dkim4j.canon.Canonicalization;
import org.dkim4j.canon.HeaderCanonicalizer;
import org.dkim4j.dkim.DkimResult;
import org.dkim4j.dkim.DkimResults;
import org.dkim4j.dkim.DkimSignature;
import org.dkim4j.dkim.DkimVerifier;
import org.dkim4j.dns.TxtLookup;
import org.dkim4j.message.Ascii;
import org.dkim4j.message.HeaderField;

/**
 * Verifies a signed message after a fuzzed edit, with the real key in DNS.
 *
 * <p>The message carries two Ed25519 signatures, relaxed/relaxed ({@code s=ed}) and simple/simple
 * ({@code s=eds}), without {@code l=}. Input: byte 0 picks the edit (0 overwrite, 1 insert, 2
 * delete, 3 append after the body), bytes 1-2 the offset (big-endian, modulo the message length),
 * byte 3 how many bytes to delete, the rest the bytes to write.
 *
 * <p>The property is the one a verifier must keep: a signature passes only if what it signs is
 * unchanged. Ed25519 (with the strict S check) is not malleable and SHA-256 has no known
 * collisions, so this holds for every edit, not only for likely ones. "What it signs" is checked
 * here from the message itself, without the verifier's code: the passing signature field parses to
 * the same values as an original one (decoded {@code b=} included); the body, canonicalized as
 * {@code c=} says, is unchanged; the header fields that {@code h=} selects (bottom-up, RFC 6376
 * section 5.4.2) are unchanged once canonicalized; and every From field is signed. Edits that the
 * canonicalization ignores (letter case of names, whitespace, folding, trailing empty lines) may
 * pass, and do. For an append, the appended bytes must moreover be whitespace and line breaks only
 * (relaxed) or line breaks only (simple): any other byte adds canonical content.
 *
 * <p>Also: verification never throws, gives one result per DKIM-Signature field, and a reason for
 * every result that is not a pass.
 */
class DkimVerifierMutationFuzzTest {

  private static final byte[] MESSAGE =
      SignedMessage.signer("ed", SignedMessage.ED25519)
          .build()
          .and(
              SignedMessage.signer("eds", SignedMessage.ED25519)
                  .canonicalization(Canonicalization.SIMPLE, Canonicalization.SIMPLE)
                  .build())
          .sign(SignedMessage.bytes(SignedMessage.UNSIGNED));

  private static final SignedMessage.Parts ORIGINAL = SignedMessage.Parts.of(MESSAGE);

  private static final Map<String, DkimSignature> SIGNATURES = new HashMap<>();

  static {
    for (HeaderField field : ORIGINAL.fields()) {
      if (field.hasName("DKIM-Signature")) {
        DkimSignature signature = DkimSignature.parse(field.value());
        SIGNATURES.put(signature.selector(), signature);
      }
    }
  }

  private static final DkimVerifier VERIFIER =
      SignedMessage.verifier(name -> TxtLookup.found(SignedMessage.record(SignedMessage.ED25519)));

  @FuzzTest(maxDuration = "10m")
  void onlyWhatTheSignatureIgnoresMayChange(byte[] input) {
    if (input == null || input.length < 4) {
      return;
    }
    int op = (input[0] & 0xff) % 4;
    int offset = (((input[1] & 0xff) << 8) | (input[2] & 0xff)) % (MESSAGE.length + 1);
    int count = input[3] & 0xff;
    byte[] payload = Arrays.copyOfRange(input, 4, input.length);
    byte[] edited = edit(op, offset, count, payload);

    DkimResults results = VERIFIER.verify(edited);

    SignedMessage.Parts parts = SignedMessage.Parts.of(edited);
    long signatureFields = parts.fields().stream().filter(f -> f.hasName("DKIM-Signature")).count();
    assertEquals(signatureFields, results.results().size());
    for (DkimResult result : results) {
      if (!result.passed()) {
        assertFalse(result.reason().isEmpty(), "no reason for " + result.status());
        continue;
      }
      DkimSignature signature = result.signature().orElseThrow();
      DkimSignature original = SIGNATURES.get(signature.selector());
      assertTrue(original != null, "a signature that was never made passed: " + result);
      assertSameValues(original, signature);
      Canonicalization body = signature.bodyCanonicalization();
      assertArrayEquals(
          SignedMessage.canonicalBody(body, ORIGINAL.body()),
          SignedMessage.canonicalBody(body, parts.body()),
          "the signed body changed but " + result);
      List<byte[]> before = signedHeaders(signature, ORIGINAL.fields());
      List<byte[]> after = signedHeaders(signature, parts.fields());
      assertEquals(before.size(), after.size(), "signed header fields appeared or vanished");
      for (int i = 0; i < before.size(); i++) {
        assertArrayEquals(before.get(i), after.get(i), "a signed header field changed");
      }
      long froms = parts.fields().stream().filter(f -> f.hasName("From")).count();
      long signedFroms =
          signature.signedHeaders().stream().filter(h -> Ascii.equalsIgnoreCase(h, "From")).count();
      assertTrue(froms <= signedFroms, "an unsigned From field passed");
      if (op == 3) {
        for (byte b : payload) {
          boolean ignorable =
              b == '\r'
                  || b == '\n'
                  || (body == Canonicalization.RELAXED && (b == ' ' || b == '\t'));
          assertTrue(ignorable, "appended byte " + b + " passed with c=" + body.tagValue());
        }
      }
    }
  }

  private static byte[] edit(int op, int offset, int count, byte[] payload) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    switch (op) {
      case 0 -> {
        out.write(MESSAGE, 0, offset);
        out.writeBytes(payload);
        int resume = Math.min(MESSAGE.length, offset + payload.length);
        out.write(MESSAGE, resume, MESSAGE.length - resume);
      }
      case 1 -> {
        out.write(MESSAGE, 0, offset);
        out.writeBytes(payload);
        out.write(MESSAGE, offset, MESSAGE.length - offset);
      }
      case 2 -> {
        out.write(MESSAGE, 0, offset);
        int resume = Math.min(MESSAGE.length, offset + count);
        out.write(MESSAGE, resume, MESSAGE.length - resume);
      }
      default -> {
        out.writeBytes(MESSAGE);
        out.writeBytes(payload);
      }
    }
    return out.toByteArray();
  }

  private static void assertSameValues(DkimSignature expected, DkimSignature actual) {
    assertEquals(expected.algorithm(), actual.algorithm());
    assertEquals(expected.headerCanonicalization(), actual.headerCanonicalization());
    assertEquals(expected.bodyCanonicalization(), actual.bodyCanonicalization());
    assertEquals(expected.domain(), actual.domain());
    assertEquals(expected.selector(), actual.selector());
    assertEquals(expected.signedHeaders(), actual.signedHeaders());
    assertEquals(expected.identity(), actual.identity());
    assertEquals(expected.bodyLength(), actual.bodyLength());
    assertEquals(expected.timestamp(), actual.timestamp());
    assertEquals(expected.expiration(), actual.expiration());
    assertArrayEquals(expected.bodyHash(), actual.bodyHash());
    assertArrayEquals(expected.signature(), actual.signature());
    assertTrue(Objects.equals(expected.copiedHeaders(), actual.copiedHeaders()));
  }

  /** The canonicalized fields h= selects: per name, the next instance from the bottom up. */
  private static List<byte[]> signedHeaders(DkimSignature signature, List<HeaderField> fields) {
    Map<String, Integer> next = new HashMap<>();
    List<byte[]> selected = new ArrayList<>();
    for (String name : signature.signedHeaders()) {
      String key = Ascii.toLowerCase(name);
      int i = next.getOrDefault(key, fields.size() - 1);
      while (i >= 0 && !fields.get(i).hasName(name)) {
        i--;
      }
      next.put(key, i - 1);
      if (i >= 0) {
        selected.add(
            HeaderCanonicalizer.canonicalize(
                signature.headerCanonicalization(), fields.get(i).raw()));
      }
    }
    return selected;
  }
}

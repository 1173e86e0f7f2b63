package org.dkim4j.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.dkim4j.dkim.DkimSignature;
import org.dkim4j.dkim.DkimSyntaxException;
import org.dkim4j.message.Ascii;
import org.dkim4j.message.HeaderField;
import org.dkim4j.tag.TagList;
import org.dkim4j.testing.SignatureAssertions;

/**
 * {@link DkimSignature#parse}: any text either fails with {@link DkimSyntaxException} or gives a
 * signature whose values keep the rules of RFC 6376 section 3.5, checked here independently of the
 * parser, and which parses again to the same values from its own tags. And a field parsed from its
 * bytes gives what its value parsed as a string gives.
 */
class DkimSignatureFuzzTest {

  @FuzzTest(maxDuration = "10m")
  void parsedSignaturesKeepTheRules(byte[] input) {
    if (input == null) {
      return;
    }
    // The input is UTF-8 text: a byte[] parameter reaches the test as is, so seed files
    // are plain text (Jazzer hands a String parameter over in an encoding of its own).
    String value = new String(input, StandardCharsets.UTF_8);
    DkimSignature signature;
    try {
      signature = DkimSignature.parse(value);
    } catch (DkimSyntaxException expected) {
      return;
    }
    TagList tags = signature.tags();
    for (String required : List.of("v", "a", "b", "bh", "d", "h", "s")) {
      assertTrue(tags.contains(required), "missing " + required + "=");
    }
    assertEquals("1", tags.getOrNull("v"));

    // a= and c= name their algorithms exactly, up to ASCII case.
    assertEquals(signature.algorithm().tagValue(), Ascii.toLowerCase(tags.getOrNull("a")));
    String c = tags.get("c").orElse("simple");
    int slash = c.indexOf('/');
    String header = slash < 0 ? c : c.substring(0, slash);
    String body = slash < 0 ? "simple" : c.substring(slash + 1);
    assertEquals(signature.headerCanonicalization().tagValue(), Ascii.toLowerCase(trimFws(header)));
    assertEquals(signature.bodyCanonicalization().tagValue(), Ascii.toLowerCase(trimFws(body)));

    assertArrayEquals(base64(tags.getOrNull("b")), signature.signature());
    assertArrayEquals(base64(tags.getOrNull("bh")), signature.bodyHash());
    assertTrue(signature.signature().length > 0);
    assertTrue(signature.bodyHash().length > 0);

    assertTrue(isDomainName(signature.domain()), "d=" + signature.domain());
    assertTrue(isDomainName(signature.selector()), "s=" + signature.selector());
    assertEquals(tags.getOrNull("d"), signature.domain());

    List<String> signed = signature.signedHeaders();
    List<String> written = new ArrayList<>();
    for (String part : tags.getOrNull("h").split(":", -1)) {
      written.add(trimFws(part));
    }
    assertEquals(written, signed, "h= names are the colon-separated parts, FWS trimmed");
    assertTrue(signed.stream().anyMatch(h -> Ascii.equalsIgnoreCase(h, "from")), "h= lacks From");
    for (String name : signed) {
      assertTrue(
          !name.isEmpty() && name.chars().allMatch(ch -> ch > 32 && ch < 127 && ch != ':'),
          "h= name \"" + name + "\"");
    }

    String identity = signature.identity();
    int at = identity.lastIndexOf('@');
    assertTrue(at >= 0, "identity without @");
    String identityDomain = signature.identityDomain();
    assertEquals(identity.substring(at + 1), identityDomain);
    assertTrue(isDomainName(identityDomain), "i= domain " + identityDomain);
    assertTrue(
        isWithin(identityDomain, signature.domain()), identity + " outside " + signature.domain());
    if (tags.contains("i")) {
      assertEquals(decodeQuotedPrintable(tags.getOrNull("i")), identity, "i= decoding");
    } else {
      assertEquals("@" + signature.domain(), identity);
    }

    signature.bodyLength().ifPresent(l -> assertTrue(l >= 0));
    signature.timestamp().ifPresent(t -> assertTrue(t >= 0));
    signature.expiration().ifPresent(x -> assertTrue(x >= 0));
    if (signature.timestamp().isPresent() && signature.expiration().isPresent()) {
      assertTrue(signature.expiration().getAsLong() >= signature.timestamp().getAsLong());
    }
    assertEquals(tags.get("z"), signature.copiedHeaders());

    DkimSignature again = DkimSignature.parse(tags.format());
    assertEquals(signature.algorithm(), again.algorithm());
    assertEquals(signature.headerCanonicalization(), again.headerCanonicalization());
    assertEquals(signature.bodyCanonicalization(), again.bodyCanonicalization());
    assertEquals(signature.domain(), again.domain());
    assertEquals(signature.selector(), again.selector());
    assertEquals(signature.signedHeaders(), again.signedHeaders());
    assertEquals(signature.identity(), again.identity());
    assertEquals(signature.bodyLength(), again.bodyLength());
    assertEquals(signature.timestamp(), again.timestamp());
    assertEquals(signature.expiration(), again.expiration());
    assertArrayEquals(signature.signature(), again.signature());
    assertArrayEquals(signature.bodyHash(), again.bodyHash());
    assertEquals(signature.toString(), again.toString());
  }

  @FuzzTest(maxDuration = "10m")
  void aFieldParsesAsItsValue(byte[] input) {
    if (input == null) {
      return;
    }
    byte[] raw = new byte[input.length + 17];
    System.arraycopy("DKIM-Signature:".getBytes(StandardCharsets.US_ASCII), 0, raw, 0, 15);
    System.arraycopy(input, 0, raw, 15, input.length);
    raw[raw.length - 2] = '\r';
    raw[raw.length - 1] = '\n';
    HeaderField field = HeaderField.of(raw);
    DkimSignature expected;
    try {
      expected = DkimSignature.parse(field.value());
    } catch (DkimSyntaxException e) {
      DkimSyntaxException actual =
          assertThrows(DkimSyntaxException.class, () -> DkimSignature.parse(field));
      assertEquals(e.getMessage(), actual.getMessage());
      return;
    }
    SignatureAssertions.assertSameSignature(expected, DkimSignature.parse(field), field.value());
  }

  /** RFC 6376 section 3.5 domain-name, letting underscores through as DomainNames does. */
  static boolean isDomainName(String name) {
    if (name.isEmpty() || name.length() > 253) {
      return false;
    }
    for (String label : name.split("\\.", -1)) {
      if (label.isEmpty() || label.length() > 63) {
        return false;
      }
      for (int i = 0; i < label.length(); i++) {
        char ch = label.charAt(i);
        boolean ok =
            (ch >= 'a' && ch <= 'z')
                || (ch >= 'A' && ch <= 'Z')
                || (ch >= '0' && ch <= '9')
                || ch == '-'
                || ch == '_';
        if (!ok) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean isWithin(String name, String parent) {
    String n = Ascii.toLowerCase(name);
    String p = Ascii.toLowerCase(parent);
    return n.equals(p) || n.endsWith("." + p);
  }

  /**
   * DKIM-Quoted-Printable (RFC 6376 section 2.11): "=" and two hex digits (0-9, A-F, a-f) is an
   * octet, FWS is dropped, everything else stands for its UTF-8 bytes. Null when malformed.
   */
  private static String decodeQuotedPrintable(String value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StringBuilder run = new StringBuilder();
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '=') {
        out.writeBytes(run.toString().getBytes(StandardCharsets.UTF_8));
        run.setLength(0);
        String hex = "0123456789ABCDEF";
        int high =
            i + 1 < value.length() ? hex.indexOf(Character.toUpperCase(value.charAt(i + 1))) : -1;
        int low =
            i + 2 < value.length() ? hex.indexOf(Character.toUpperCase(value.charAt(i + 2))) : -1;
        if (high < 0 || low < 0 || value.charAt(i + 1) > 'f' || value.charAt(i + 2) > 'f') {
          return null;
        }
        out.write(high * 16 + low);
        i += 2;
      } else if (" \t\r\n".indexOf(c) < 0) {
        run.append(c);
      }
    }
    out.writeBytes(run.toString().getBytes(StandardCharsets.UTF_8));
    return out.toString(StandardCharsets.UTF_8);
  }

  private static byte[] base64(String value) {
    return Base64.getDecoder().decode(value.replaceAll("[ \t\r\n]", ""));
  }

  private static String trimFws(String s) {
    int from = 0;
    int to = s.length();
    while (from < to && " \t\r\n".indexOf(s.charAt(from)) >= 0) {
      from++;
    }
    while (to > from && " \t\r\n".indexOf(s.charAt(to - 1)) >= 0) {
      to--;
    }
    return s.substring(from, to);
  }
}

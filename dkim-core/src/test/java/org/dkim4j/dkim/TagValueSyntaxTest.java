package org.dkim4j.dkim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.dkim4j.canon.Canonicalization;
import org.dkim4j.crypto.SignatureAlgorithm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tag values allow folding whitespace around them and their list items (RFC 6376 section 3.2), and
 * keywords such as {@code a=} and {@code c=} are ASCII, matched ignoring ASCII case only. Other
 * whitespace, control characters and non-ASCII letters that case-fold to ASCII make a value invalid
 * rather than being dropped or folded away.
 */
class TagValueSyntaxTest {

  private static final String REST = "; d=example.com; s=sel; bh=AAAA; b=AAAA";

  private static DkimSignature parse(String tags) {
    return DkimSignature.parse("v=1; " + tags + REST);
  }

  @Test
  void foldingWhitespaceAroundListItemsAndKeywordsIsFine() {
    DkimSignature signature = parse("a=RSA-SHA256; c= Relaxed /\r\n SIMPLE ; h= From :\r\n\tTo ");
    assertEquals(SignatureAlgorithm.RSA_SHA256, signature.algorithm());
    assertEquals(Canonicalization.RELAXED, signature.headerCanonicalization());
    assertEquals(Canonicalization.SIMPLE, signature.bodyCanonicalization());
    assertEquals(List.of("From", "To"), signature.signedHeaders());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "c=relaxed/relaxed|RELAXED|RELAXED",
        "c=relaxed/simple|RELAXED|SIMPLE",
        "c=simple/relaxed|SIMPLE|RELAXED",
        "c=simple/simple|SIMPLE|SIMPLE",
        "c=relaxed|RELAXED|SIMPLE",
        "c=simple|SIMPLE|SIMPLE",
        "c=Relaxed/Relaxed|RELAXED|RELAXED",
        "c=simple/RELAXED|SIMPLE|RELAXED",
        "c=RELAXED|RELAXED|SIMPLE",
        "c= relaxed\t/ relaxed|RELAXED|RELAXED",
        "'c=relaxed\r\n '|RELAXED|SIMPLE",
        "v=1|SIMPLE|SIMPLE",
      })
  void canonicalizationPairsHowEverTheyAreSpelled(
      String tag, Canonicalization header, Canonicalization body) {
    DkimSignature signature =
        DkimSignature.parse(
            (tag.startsWith("v=") ? "" : "v=1; ") + tag + "; a=rsa-sha256; h=from" + REST);
    assertEquals(header, signature.headerCanonicalization(), tag);
    assertEquals(body, signature.bodyCanonicalization(), tag);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "c=relaxed/",
        "c=/relaxed",
        "c=relaxed/relaxed/relaxed",
        "c=relaxed//relaxed",
        "c=relaxd/relaxed",
        "c=",
        "c=relaxed/simple/",
      })
  void otherCanonicalizationsAreInvalid(String tag) {
    DkimSyntaxException e =
        assertThrows(DkimSyntaxException.class, () -> parse(tag + "; a=rsa-sha256; h=from"));
    assertTrue(e.getMessage().startsWith("invalid canonicalization"), e.getMessage());
  }

  @Test
  void withoutIdentityTheIdentityIsTheSigningDomain() {
    DkimSignature signature = parse("a=rsa-sha256; h=from");
    assertEquals("@example.com", signature.identity());
    assertEquals("example.com", signature.identityDomain());
    DkimSignature withIdentity = parse("a=rsa-sha256; h=from; i=user@mail.example.com");
    assertEquals("user@mail.example.com", withIdentity.identity());
    assertEquals("mail.example.com", withIdentity.identityDomain());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a=rsa-sha256; h=from:mime-version\u001d",
        "a=rsa-sha256; h=from\u2003",
        "a=rsa-sha256; c=relaxed\u001d; h=from",
        "a=rsa-sha256; c=relaxed/simple\u3000; h=from",
        "a=r\u017fa-sha256; h=from",
        "a=rsa-sha256; c=\u017fimple; h=from",
        "a=rsa-sha256; h=from; q=dns/txt\u000b",
      })
  void otherCharactersMakeTheSignatureInvalid(String tags) {
    assertThrows(DkimSyntaxException.class, () -> parse(tags));
  }

  @Test
  void keyRecordListsAndKeyTypeAllowOnlyFoldingWhitespace() {
    KeyRecord record = KeyRecord.parse("k= rsa ; s= email :\r\n * ; h= sha256 ; p=");
    assertTrue(record.keyType().isPresent());
    assertEquals(List.of("email", "*"), record.serviceTypes());

    assertTrue(KeyRecord.parse("k=rsa\u001d; p=").keyType().isEmpty());
    assertFalse(KeyRecord.parse("s=email\u3000; p=").allowsEmail());
    assertFalse(KeyRecord.parse("h=sha256\u000b; p=").allowsHashOf(SignatureAlgorithm.RSA_SHA256));
  }

  @Test
  void identityKeepsCharactersOutsideTheBasicPlane() {
    DkimSignature signature = parse("a=rsa-sha256; h=from; i=j\uD83D\uDE00=40x@example.com");
    assertEquals("j\uD83D\uDE00@x@example.com", signature.identity());
  }

  @Test
  void quotedPrintableEscapesTakeAsciiHexDigitsOnly() {
    assertEquals("a@example.com", parse("a=rsa-sha256; h=from; i=a=40example.com").identity());
    // U+0664 and U+0660 are Arabic-Indic digits 4 and 0, which Character.digit accepts.
    assertThrows(
        DkimSyntaxException.class,
        () -> parse("a=rsa-sha256; h=from; i=a=\u0664\u0660example.com"));
  }
}

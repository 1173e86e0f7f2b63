package org.dkim4j.dkim;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.dkim4j.canon.Canonicalization;
import org.dkim4j.crypto.DigestInfo;
import org.dkim4j.crypto.SignatureAlgorithm;
import org.dkim4j.crypto.SigningKey;
import org.dkim4j.message.HeaderField;
import org.dkim4j.message.MessageReader;
import org.dkim4j.tag.TagList;

/**
 * Builds DKIM-Signature fields with any tags, including ones DkimSigner refuses to write (rsa-sha1,
 * odd l=, i=, q=), computing real hashes and signatures so that only the rule under test differs.
 */
final class HandSigner {
  private HandSigner() {}

  /** Signs with a SigningKey (rsa-sha256 / ed25519-sha256). */
  static byte[] sign(byte[] message, String tags, SigningKey key) {
    return sign(message, tags, digest -> key.sign(digest));
  }

  /** Signs with a raw RSA private key and the algorithm named in a= (rsa-sha1 allowed). */
  static byte[] signRsa(byte[] message, String tags, PrivateKey key) {
    SignatureAlgorithm algorithm =
        SignatureAlgorithm.fromTagValue(TagList.parse(tags).getOrNull("a")).orElseThrow();
    return sign(
        message,
        tags,
        digest -> {
          Signature signature = Signature.getInstance("NONEwithRSA");
          signature.initSign(key);
          signature.update(
              algorithm == SignatureAlgorithm.RSA_SHA1
                  ? DigestInfo.sha1(digest)
                  : DigestInfo.sha256(digest));
          return signature.sign();
        });
  }

  interface DigestSigner {
    byte[] sign(byte[] digest) throws GeneralSecurityException;
  }

  /**
   * Signs {@code message} with a field made of {@code tags} (without bh= and b=), computing bh= per
   * the c=, a= and l= given in the tags.
   */
  static byte[] sign(byte[] message, String tags, DigestSigner signer) {
    try {
      TagList list = TagList.parse(tags);
      SignatureAlgorithm algorithm =
          SignatureAlgorithm.fromTagValue(list.getOrNull("a")).orElseThrow();
      String[] c = list.get("c").orElse("simple/simple").split("/");
      Canonicalization header = Canonicalization.parse(c[0]);
      Canonicalization body = c.length > 1 ? Canonicalization.parse(c[1]) : Canonicalization.SIMPLE;
      long limit = list.contains("l") ? Long.parseLong(list.getOrNull("l")) : -1;

      MessageReader reader = new MessageReader(new ByteArrayInputStream(message));
      List<HeaderField> fields = reader.readHeader();
      BodyHashes hashes = new BodyHashes();
      BodyHasher hasher = hashes.request(body, algorithm, limit);
      byte[] buffer = new byte[4096];
      int n;
      while ((n = reader.readBody(buffer, 0, buffer.length)) >= 0) {
        hashes.update(buffer, 0, n);
      }
      hashes.finish();

      String unsigned =
          "DKIM-Signature: "
              + tags
              + "; bh="
              + Base64.getEncoder().encodeToString(hasher.hash())
              + "; b=";
      List<String> names = new ArrayList<>();
      for (String name : list.getOrNull("h").split(":")) {
        names.add(name.strip());
      }
      MessageDigest digest = algorithm.newDigest();
      byte[] unsignedBytes = unsigned.getBytes(StandardCharsets.UTF_8);
      HeaderHash.update(
          digest, header, HeaderHash.choose(fields, names), unsignedBytes, unsignedBytes.length);
      String b = Base64.getEncoder().encodeToString(signer.sign(digest.digest()));
      byte[] field = (unsigned + b + "\r\n").getBytes(StandardCharsets.UTF_8);
      byte[] out = new byte[field.length + message.length];
      System.arraycopy(field, 0, out, 0, field.length);
      System.arraycopy(message, 0, out, field.length, message.length);
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}

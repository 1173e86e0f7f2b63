package org.dkim4j.dkim;

import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.dkim4j.crypto.KeyFormatException;
import org.dkim4j.crypto.KeyType;
import org.dkim4j.crypto.SignatureAlgorithm;
import org.dkim4j.crypto.VerificationKey;
import org.dkim4j.dns.TxtLookup;
import org.dkim4j.message.Ascii;
import org.dkim4j.message.HeaderField;
import org.dkim4j.tag.TagList;

/** The state of verifying one message: the steps of RFC 6376 section 6.1 for each signature. */
final class Verification {

  private final DkimVerifier config;
  private final List<HeaderField> fields;
  private final List<Entry> entries = new ArrayList<>();

  /**
   * The key lookups made so far, by name (ASCII case-insensitive): a message has one name or a few,
   * at most {@code maxDnsLookups}, so they are searched in order rather than hashed.
   */
  private final List<String> lookupNames = new ArrayList<>(2);

  private final List<TxtLookup> lookupAnswers = new ArrayList<>(2);
  private final BodyHashes bodyHashes = new BodyHashes();

  /** The number of From fields in the message, counted by {@link #prepare}. */
  private int fromFields;

  /** One signature field: a final result, or a parsed signature waiting for its body hash. */
  private static final class Entry {
    final HeaderField field;
    DkimSignature signature;
    BodyHasher hasher;
    DkimResult result;

    Entry(HeaderField field) {
      this.field = field;
    }
  }

  Verification(DkimVerifier config, List<HeaderField> fields) {
    this.config = config;
    this.fields = fields;
  }

  /**
   * Finds the signature fields, counting the From fields on the way, then parses and checks each
   * signature; returns the body hashes to compute.
   */
  BodyHashes prepare() {
    List<HeaderField> signatureFields = new ArrayList<>(2);
    for (HeaderField field : fields) {
      if (field.hasName("DKIM-Signature")) {
        signatureFields.add(field);
      } else if (field.hasName("From")) {
        fromFields++;
      }
    }
    for (int i = 0; i < signatureFields.size(); i++) {
      Entry entry = new Entry(signatureFields.get(i));
      entries.add(entry);
      if (i >= config.maxSignatures) {
        entry.result =
            claimed(
                    entry.field,
                    DkimStatus.POLICY,
                    "not evaluated: the message has more than "
                        + config.maxSignatures
                        + " signatures")
                .build();
        continue;
      }
      try {
        entry.signature = DkimSignature.parse(entry.field);
      } catch (DkimSyntaxException e) {
        entry.result = claimed(entry.field, DkimStatus.PERMERROR, e.getMessage()).build();
        continue;
      }
      entry.result = earlyResult(entry.signature);
      if (entry.result == null) {
        DkimSignature s = entry.signature;
        entry.hasher =
            bodyHashes.request(s.bodyCanonicalization(), s.algorithm(), s.bodyLength().orElse(-1L));
      }
    }
    return bodyHashes;
  }

  /** Checks that need neither DNS nor the body: algorithm policy and time (section 6.1.1). */
  private DkimResult earlyResult(DkimSignature signature) {
    if (signature.algorithm() == SignatureAlgorithm.RSA_SHA1 && !config.rsaSha1Allowed) {
      return result(signature, DkimStatus.PERMERROR, "rsa-sha1 is not accepted (RFC 8301)");
    }
    if (signature.expiration().isEmpty() && signature.timestamp().isEmpty()) {
      return null;
    }
    long skew = config.clockSkew.getSeconds();
    long nowSeconds = Math.floorDiv(config.clock.millis(), 1000);
    if (signature.expiration().isPresent()
        && signature.expiration().getAsLong() + skew < nowSeconds) {
      return result(
          signature,
          DkimStatus.PERMERROR,
          "signature expired at "
              + Instant.ofEpochSecond(signature.expiration().getAsLong())
              + " (x=)");
    }
    if (signature.timestamp().isPresent()
        && signature.timestamp().getAsLong() - skew > nowSeconds) {
      return result(
          signature,
          DkimStatus.PERMERROR,
          "signature timestamp "
              + Instant.ofEpochSecond(signature.timestamp().getAsLong())
              + " is in the future (t=)");
    }
    return null;
  }

  /** Runs the key lookup and the cryptographic checks once the body hashes are known. */
  DkimResults complete() {
    List<DkimResult> results = new ArrayList<>(entries.size());
    for (Entry entry : entries) {
      results.add(entry.result != null ? entry.result : verify(entry));
    }
    return new DkimResults(results);
  }

  private DkimResult verify(Entry entry) {
    DkimSignature signature = entry.signature;
    String name = signature.selector() + "._domainkey." + signature.domain();
    TxtLookup lookup = lookup(name);
    if (lookup instanceof TxtLookup.NotFound notFound) {
      return result(
          signature,
          DkimStatus.PERMERROR,
          "no key record at " + name + " (" + notFound.detail() + ")");
    }
    if (lookup instanceof TxtLookup.TemporaryFailure failure) {
      return result(
          signature,
          DkimStatus.TEMPERROR,
          "key lookup for " + name + " failed: " + failure.detail());
    }
    KeyCache.Entry parsed;
    try {
      parsed = firstValidRecord(((TxtLookup.Found) lookup).records());
    } catch (DkimSyntaxException e) {
      return result(signature, DkimStatus.PERMERROR, e.getMessage());
    }
    KeyRecord record = parsed.record;
    String keyProblem = keyProblem(signature, record);
    if (keyProblem != null) {
      return result(signature, DkimStatus.PERMERROR, keyProblem);
    }
    VerificationKey key;
    try {
      key = parsed.key();
    } catch (KeyFormatException e) {
      return result(signature, DkimStatus.PERMERROR, "key record p= is invalid: " + e.getMessage());
    }
    if (key.type() == KeyType.RSA && key.bits() < config.minRsaKeyBits) {
      return with(
          signature,
          key,
          record,
          DkimStatus.PERMERROR,
          "RSA key of "
              + key.bits()
              + " bits is too small (at least "
              + config.minRsaKeyBits
              + " required, RFC 8301)");
    }
    if (key.type() == KeyType.RSA && key.bits() > config.maxRsaKeyBits) {
      return with(
          signature,
          key,
          record,
          DkimStatus.PERMERROR,
          "RSA key of " + key.bits() + " bits exceeds the limit of " + config.maxRsaKeyBits);
    }
    BodyHasher hasher = entry.hasher;
    long length = hasher.canonicalLength();
    if (signature.bodyLength().isPresent() && signature.bodyLength().getAsLong() > length) {
      return with(
          signature,
          key,
          record,
          DkimStatus.FAIL,
          "l=" + signature.bodyLength().getAsLong() + " exceeds the body length " + length);
    }
    if (!MessageDigest.isEqual(hasher.hash(), signature.bodyHash())) {
      return with(signature, key, record, DkimStatus.FAIL, "body hash did not verify");
    }
    MessageDigest digest = signature.algorithm().newDigest();
    HeaderHash.update(
        digest, signature.headerCanonicalization(), fields, signature.signedHeaders(), entry.field);
    if (!key.verify(signature.algorithm(), digest.digest(), signature.signatureBytes())) {
      return with(signature, key, record, DkimStatus.FAIL, "signature did not verify");
    }
    int signedFroms = 0;
    for (String signed : signature.signedHeaders()) {
      if (Ascii.equalsIgnoreCase(signed, "From")) {
        signedFroms++;
      }
    }
    if (fromFields > signedFroms) {
      return with(
          signature,
          key,
          record,
          DkimStatus.FAIL,
          "the message has " + fromFields + " From fields but the signature covers " + signedFroms);
    }
    if (signature.bodyLength().isPresent() && length > signature.bodyLength().getAsLong()) {
      long unsigned = length - signature.bodyLength().getAsLong();
      if (!config.unsignedBodyBytesAllowed) {
        return with(
            signature,
            key,
            record,
            DkimStatus.POLICY,
            unsigned
                + " body bytes after l="
                + signature.bodyLength().getAsLong()
                + " are not signed");
      }
      return with(
          signature,
          key,
          record,
          DkimStatus.PASS,
          unsigned + " body bytes after l= are not signed" + testingNote(record, "; "));
    }
    return with(signature, key, record, DkimStatus.PASS, testingNote(record, ""));
  }

  private static String testingNote(KeyRecord record, String separator) {
    return record.testing() ? separator + "key is in testing mode (t=y)" : "";
  }

  /** Section 6.1.2: the key record must allow this signature. */
  private static String keyProblem(DkimSignature signature, KeyRecord record) {
    if (record.revoked()) {
      return "key revoked (empty p=)";
    }
    if (record.keyType().isEmpty()) {
      return "unknown key type k=" + record.keyTypeName();
    }
    if (record.keyType().get() != signature.algorithm().keyType()) {
      return "key type k="
          + record.keyTypeName()
          + " does not match a="
          + signature.algorithm().tagValue();
    }
    if (!record.allowsHashOf(signature.algorithm())) {
      return "key h="
          + String.join(":", record.hashAlgorithms())
          + " does not allow "
          + signature.algorithm().hashName();
    }
    if (!record.allowsEmail()) {
      return "key s=" + String.join(":", record.serviceTypes()) + " does not include email";
    }
    if (record.strictIdentity()
        && !Ascii.equalsIgnoreCase(signature.identityDomain(), signature.domain())) {
      return "key t=s requires the i= domain to equal d=";
    }
    return null;
  }

  /** RFC 6376 section 3.6.2.2: use the first record that is a valid key record. */
  private KeyCache.Entry firstValidRecord(List<String> records) {
    DkimSyntaxException first = null;
    for (String text : records) {
      try {
        return config.keys.parse(text);
      } catch (DkimSyntaxException e) {
        if (first == null) {
          first = e;
        }
      }
    }
    throw first;
  }

  private TxtLookup lookup(String name) {
    for (int i = 0; i < lookupNames.size(); i++) {
      if (Ascii.equalsIgnoreCase(lookupNames.get(i), name)) {
        return lookupAnswers.get(i);
      }
    }
    TxtLookup answer;
    if (lookupNames.size() >= config.maxDnsLookups) {
      answer =
          TxtLookup.temporaryFailure(
              "the limit of " + config.maxDnsLookups + " key lookups per message was reached");
    } else {
      try {
        answer = config.resolver.lookup(name);
        if (answer == null) {
          answer = TxtLookup.temporaryFailure("the resolver returned no answer");
        }
      } catch (RuntimeException e) {
        answer = TxtLookup.temporaryFailure("the resolver failed: " + e);
      }
    }
    lookupNames.add(name);
    lookupAnswers.add(answer);
    return answer;
  }

  private static DkimResult result(DkimSignature signature, DkimStatus status, String reason) {
    return DkimResult.builder(status, reason).signature(signature).build();
  }

  private static DkimResult with(
      DkimSignature signature,
      VerificationKey key,
      KeyRecord record,
      DkimStatus status,
      String reason) {
    return DkimResult.builder(status, reason)
        .signature(signature)
        .key(key.bits(), record.testing())
        .build();
  }

  /** A result for a field that could not be parsed: report what it claims, best effort. */
  private static DkimResult.Builder claimed(HeaderField field, DkimStatus status, String reason) {
    DkimResult.Builder builder = DkimResult.builder(status, reason);
    try {
      TagList tags = TagList.parse(field.value());
      builder.claimed(
          tags.getOrNull("d"), tags.getOrNull("s"), tags.getOrNull("a"), tags.getOrNull("b"));
    } catch (IllegalArgumentException e) {
      // nothing can be claimed from a field that is not a tag list
    }
    return builder;
  }
}

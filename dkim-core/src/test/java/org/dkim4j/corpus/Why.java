package org.dkim4j.corpus;

/** Reasons shared by the DEVIATIONS tables, with the RFC text each rests on. */
final class Why {
  private Why() {}

  /** rsa-sha1 is refused whatever the key or the body. */
  static final String RSA_SHA1 =
      "RFC 8301 §3.1: \"rsa-sha1 MUST NOT be used for signing or verifying\". A signature that must"
          + " not be verified can never pass: RFC 8601 §2.7.1 permerror (unrecoverable), decided"
          + " before the key lookup and the hashes";

  /** rsa-sha1 refused although the key lookup would have failed temporarily. */
  static final String RSA_SHA1_BEFORE_DNS =
      RSA_SHA1
          + ". A DNS failure cannot turn it into temperror, which RFC 8601 §2.7.1 keeps for errors"
          + " after which \"a later attempt may produce a final result\"";

  /** A signature without v=, from the drafts before RFC 4871. */
  static final String MISSING_V =
      "RFC 6376 §3.5: v= is REQUIRED; §6.1.1: a signature that omits a required tag MUST be"
          + " ignored with PERMFAIL (signature missing required tag), i.e. RFC 8601 permerror, before"
          + " any key lookup or hash. This is a pre-RFC draft signature that Mail::DKIM still reads";

  /** A signature with v=0.5, from a draft of RFC 4871. */
  static final String OLD_VERSION =
      "RFC 6376 §3.5: v= MUST have the value 1; §6.1.1: other versions are PERMFAIL (incompatible"
          + " version), i.e. RFC 8601 permerror. v=0.5 is from a draft of RFC 4871";

  /** l= leaves body bytes unsigned. */
  static final String UNSIGNED_BODY_BYTES =
      "RFC 6376 §8.2: body bytes after the l= count are not covered by the signature, so content"
          + " can be appended; by default we report RFC 8601 §2.7.1 policy (\"signed, but some aspect"
          + " ... was not acceptable\") instead of pass. With unsigned body bytes allowed we pass,"
          + " as upstream does";
}

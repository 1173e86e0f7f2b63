package org.dkim4j.interop;

/**
 * What the suite knows a verifier does with a signature other than pass: the known bugs and limits
 * of Debian 12's peers, and the rsa-sha1 policy. Every other untampered cell must pass. Each entry
 * is as narrow as the behaviour, so that it cannot hide anything else.
 */
enum Known {
  OPENDKIM_ED25519_SIMPLE_HEADERS(
      Expect.FAIL,
      "OpenDKIM 2.11.0~beta2 signs ed25519-sha256 with simple header canonicalization over its"
          + " DKIM-Signature with \"; b=\" on the h= line, then emits it with b= folded onto a line"
          + " of its own: the signature verifies nowhere, OpenDKIM included (moved back, it"
          + " verifies). RSA, and relaxed header canonicalization, are not affected.") {
    @Override
    boolean applies(Peer signer, Variant v, Shape shape, Peer verifier) {
      return signer == Peer.OPENDKIM && v.ed25519() && v.simpleHeaders();
    }
  },

  OPENDKIM_SIMPLE_CONTINUATION_LINE(
      Expect.FAIL,
      "OpenDKIM 2.11.0~beta2 canonicalizes a simple header wrongly when a signed field's value"
          + " starts on a continuation line (\"To: \\r\\n\\tBob ...\"): it rejects such"
          + " signatures by others, and others reject its own; it agrees only with itself.") {
    @Override
    boolean applies(Peer signer, Variant v, Shape shape, Peer verifier) {
      return shape == Shape.LONG_FOLDED_HEADERS
          && v.simpleHeaders()
          && (signer == Peer.OPENDKIM) != (verifier == Peer.OPENDKIM);
    }
  },

  OPENDKIM_KEY_RECORD_OVER_1024(
      Expect.FAIL,
      "libopendkim 2.11 cannot use a key record longer than 1024 characters (\"unable to apply"
          + " public key\"); this one has about 1,400.") {
    @Override
    boolean applies(Peer signer, Variant v, Shape shape, Peer verifier) {
      return verifier == Peer.OPENDKIM && v.selector().equals(Keys.LARGE_SELECTOR);
    }
  },

  MAIL_DKIM_NO_ED25519(
      Expect.FAIL,
      "Mail::DKIM 1.20230212 (Debian 12) has no ed25519-sha256 (\"unsupported algorithm\"); it"
          + " came in 1.20230630.") {
    @Override
    boolean applies(Peer signer, Variant v, Shape shape, Peer verifier) {
      return verifier == Peer.MAIL_DKIM && v.ed25519();
    }
  },

  DKIM4J_REJECTS_RSA_SHA1(
      Expect.PERMERROR,
      "RFC 8301 section 3.1: verifiers MUST NOT consider rsa-sha1 signatures valid. dkim4j says"
          + " permerror unless built with allowRsaSha1(true).") {
    @Override
    boolean applies(Peer signer, Variant v, Shape shape, Peer verifier) {
      return verifier == Peer.DKIM4J && v.algorithm().equals("rsa-sha1");
    }
  },

  PEERS_ACCEPT_RSA_SHA1(
      Expect.PASS,
      "OpenDKIM, dkimpy, Mail::DKIM and rspamd accept rsa-sha1, although RFC 8301 says they"
          + " MUST NOT.") {
    @Override
    boolean applies(Peer signer, Variant v, Shape shape, Peer verifier) {
      return verifier != Peer.DKIM4J && v.algorithm().equals("rsa-sha1");
    }
  };

  /** What an untampered cell must show. */
  enum Expect {
    PASS,
    /** A known failure: any result but pass (a pass is reported, not failed). */
    FAIL,
    PERMERROR
  }

  final Expect expect;
  final String reason;

  Known(Expect expect, String reason) {
    this.expect = expect;
    this.reason = reason;
  }

  abstract boolean applies(Peer signer, Variant v, Shape shape, Peer verifier);

  /** The known behaviour for this cell, or null when the cell simply must pass. */
  static Known of(Peer signer, Variant v, Shape shape, Peer verifier) {
    for (Known k : values()) {
      if (k.applies(signer, v, shape, verifier)) {
        return k;
      }
    }
    return null;
  }
}

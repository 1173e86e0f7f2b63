/**
 * dkim4j core: DKIM signing and verification (RFC 6376, RFC 8463, RFC 8301) over raw RFC 5322
 * messages, without Jakarta Mail. Depends on Bouncy Castle and dnsjava only.
 */
module org.dkim4j.core {
  requires org.bouncycastle.provider;
  requires org.bouncycastle.pkix;
  requires org.dnsjava;

  exports org.dkim4j.auth;
  exports org.dkim4j.canon;
  exports org.dkim4j.crypto;
  exports org.dkim4j.dkim;
  exports org.dkim4j.dns;
  exports org.dkim4j.message;
  exports org.dkim4j.tag;
}

/**
 * dkim4j core: DKIM signing and verification (RFC 6376, RFC 8463, RFC 8301) over raw RFC 5322
 * messages, without Jakarta Mail.
 */
module org.dkim4j.core {
  requires org.bouncycastle.provider;
  requires org.dnsjava;

  exports org.dkim4j.dns;
}

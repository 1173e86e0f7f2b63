/**
 * dkim4j DMARC: DMARC records, organizational domains (Public Suffix List or the RFC 9989 DNS tree
 * walk), identifier alignment and policy verdicts (RFC 7489, RFC 9989), on top of dkim4j core.
 */
module org.dkim4j.dmarc {
  requires transitive org.dkim4j.core;

  exports org.dkim4j.dmarc;
}

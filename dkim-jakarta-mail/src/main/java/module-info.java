/**
 * dkim4j for Jakarta Mail: a {@code MimeMessage} that DKIM-signs exactly the bytes it writes (RFC
 * 6376 section 5), key choice by sender like OpenDKIM's SigningTable, verification of received
 * {@code MimeMessage}s (RFC 6376 section 6) and assertions for tests that check delivered mail.
 *
 * <p>Uses the Jakarta Mail API only; any implementation (such as Eclipse Angus Mail) can run it.
 */
module org.dkim4j.jakarta {
  requires transitive org.dkim4j.core;
  requires transitive jakarta.mail;

  exports org.dkim4j.jakarta;
}

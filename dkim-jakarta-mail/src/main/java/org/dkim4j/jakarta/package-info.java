/**
 * DKIM for Jakarta Mail.
 *
 * <ul>
 *   <li>{@link org.dkim4j.jakarta.DkimSigningMimeMessage}: a {@code MimeMessage} that signs inside
 *       {@code writeTo}, over exactly the bytes that go on the wire (RFC 6376 section 5).
 *   <li>{@link org.dkim4j.jakarta.SigningTable}: which {@link org.dkim4j.dkim.DkimSigner} signs
 *       which sender, like OpenDKIM's SigningTable and KeyTable.
 *   <li>{@link org.dkim4j.jakarta.DkimMimeVerifier} and {@link
 *       org.dkim4j.jakarta.ReceivedMimeMessage}: verification of received mail (RFC 6376 section
 *       6), from raw bytes or from a parsed message that is known to be unmodified.
 *   <li>{@link org.dkim4j.jakarta.DkimAssertions}: readable assertions for tests that check mail.
 * </ul>
 */
package org.dkim4j.jakarta;

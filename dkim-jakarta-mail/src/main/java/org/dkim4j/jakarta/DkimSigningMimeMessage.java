package org.dkim4j.jakarta;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import org.dkim4j.dkim.DkimSigner;
import org.dkim4j.dkim.DkimSigningException;

/**
 * A {@link MimeMessage} that DKIM-signs itself when it is written (RFC 6376 section 5): {@link
 * #writeTo(OutputStream, String[])} produces the message exactly as {@code MimeMessage} would,
 * signs those bytes, and writes the DKIM-Signature field(s) in front of them.
 *
 * <pre>{@code
 * MimeMessage message = new DkimSigningMimeMessage(session, signer);
 * message.setFrom("alice@example.com");
 * message.setRecipients(Message.RecipientType.TO, "bob@example.org");
 * message.setSubject("Lunch");
 * message.setText("Shall we meet at noon?");
 * Transport.send(message);
 * }</pre>
 *
 * <h2>Why signing happens in {@code writeTo}</h2>
 *
 * Signing earlier signs bytes that differ from the ones sent. {@code Transport.send} calls {@link
 * #saveChanges()}, which gives the message a new Message-ID and may change
 * Content-Transfer-Encoding fields; the SMTP transport may re-encode text parts to 8bit and save
 * again ({@code mail.smtp.allow8bitmime}); it leaves out {@code Bcc} and {@code Content-Length}
 * (its ignore list); and it turns bare CR and LF into CRLF. Signing in {@code writeTo} sees all of
 * that:
 *
 * <ul>
 *   <li>what is signed is the output of {@code super.writeTo(out, ignoreList)}, after every {@code
 *       saveChanges()}, with the caller's ignore list applied;
 *   <li>line endings are made CRLF before signing, as SMTP transmits them (RFC 5321 section 2.3.8),
 *       and the CRLF form is what is written, so the signed bytes are the written bytes;
 *   <li>each call signs afresh: writing twice gives two outputs that both verify, also when {@code
 *       saveChanges()} was called in between.
 * </ul>
 *
 * <p>The Message-ID signed is the one the message has when it is written. A subclass may override
 * {@code updateMessageID()} to choose Message-IDs, as with any {@code MimeMessage}; {@code writeTo}
 * itself is final, so that nothing unsigned can be written by mistake.
 *
 * <h2>Memory</h2>
 *
 * The DKIM-Signature field must precede the message but depends on all of it, so the message is
 * produced once and kept until it is signed: in memory up to 1 MiB, beyond that in a temporary file
 * (readable by its owner only, deleted before {@code writeTo} returns). Heap use therefore does not
 * grow with the message: a 50 MB attachment signs in a 64 MB heap, allocating about 2.6 MB.
 *
 * <p>Producing the message twice instead, once into the signer through a pipe and once to the
 * output, was measured and rejected. It saves the file but encodes every attachment twice (about
 * 35% more CPU for a 10 MB or 50 MB base64 attachment), needs a second thread, and is only correct
 * when {@code writeTo} is deterministic: boundaries and Message-ID are fixed by {@code
 * saveChanges()}, but a {@code DataSource} that can be read once, or a URL whose content changes,
 * would send bytes other than those signed.
 *
 * <h2>Choosing the key</h2>
 *
 * A {@link SigningTable} chooses the signer per message from its sender; {@link #lastSigning()}
 * says what the last {@code writeTo} signed, and why. A message that no entry matches is written
 * unsigned, or refused with {@link MessageNotSignedException} when the table {@linkplain
 * SigningTable.Builder#requireSignature() requires a signature}.
 *
 * <p>Like any {@code MimeMessage}, an instance is not thread-safe; the signers and tables it uses
 * are, so one configured signer serves all threads.
 */
public class DkimSigningMimeMessage extends MimeMessage {

  private final SigningTable table;
  private volatile SigningOutcome lastSigning;

  /**
   * Creates an empty message, signed by {@code signer} when written.
   *
   * @param session the session whose {@code mail.mime.*} properties apply; may be null
   * @param signer signs every write of the message
   */
  public DkimSigningMimeMessage(Session session, DkimSigner signer) {
    this(session, SigningTable.of(signer));
  }

  /**
   * Creates an empty message, signed by the signer {@code table} chooses when written.
   *
   * @param session the session whose {@code mail.mime.*} properties apply; may be null
   * @param table chooses the signer at each write, by the sender's address
   */
  public DkimSigningMimeMessage(Session session, SigningTable table) {
    super(session);
    this.table = Objects.requireNonNull(table, "table");
  }

  /**
   * Creates a copy of {@code source} (see {@link MimeMessage#MimeMessage(MimeMessage)}), signed by
   * {@code signer} when written. Use it to sign a message built elsewhere, e.g. by a framework.
   *
   * @param source the message to copy
   * @param signer signs every write of the copy
   * @throws MessagingException when {@code source} cannot be written
   */
  public DkimSigningMimeMessage(MimeMessage source, DkimSigner signer) throws MessagingException {
    this(source, SigningTable.of(signer));
  }

  /**
   * Creates a copy of {@code source} (see {@link MimeMessage#MimeMessage(MimeMessage)}), signed by
   * the signer {@code table} chooses when written.
   *
   * @param source the message to copy
   * @param table chooses the signer at each write, by the sender's address
   * @throws MessagingException when {@code source} cannot be written
   */
  public DkimSigningMimeMessage(MimeMessage source, SigningTable table) throws MessagingException {
    super(source);
    this.table = Objects.requireNonNull(table, "table");
  }

  /** Writes the message with no fields left out; see {@link #writeTo(OutputStream, String[])}. */
  @Override
  public final void writeTo(OutputStream out) throws IOException, MessagingException {
    writeTo(out, null);
  }

  /**
   * Writes the DKIM-Signature field(s) for this message, then the message as {@link
   * MimeMessage#writeTo(OutputStream, String[])} produces it with every line ending made CRLF. The
   * signatures cover exactly the bytes written after them (RFC 6376 section 5.6).
   *
   * <p>When no signature can be made (refused, or the key failed), nothing is written, and {@link
   * #lastSigning()} says why.
   *
   * @param ignoreList header fields to leave out, as in {@code MimeMessage}; the SMTP transport
   *     passes {@code Bcc} and {@code Content-Length}
   * @throws MessageNotSignedException when no signer applies and the table requires one
   * @throws IOException when writing fails, or when signing fails (the cause is then a {@link
   *     DkimSigningException}, e.g. from a key held in an HSM); an {@code IOException} makes the
   *     SMTP transport abort the message rather than send it unsigned
   * @throws MessagingException when the message cannot be produced
   */
  @Override
  public final void writeTo(OutputStream out, String[] ignoreList)
      throws IOException, MessagingException {
    try (Spool spool = new Spool(Spool.DEFAULT_THRESHOLD)) {
      CrlfOutputStream crlf = new CrlfOutputStream(spool);
      super.writeTo(crlf, ignoreList);
      crlf.flush();
      SigningTable.Selection selection = table.select(this, session);
      if (selection.signer == null) {
        if (table.requiresSignature()) {
          lastSigning = SigningOutcome.unsigned("refused: " + selection.reason);
          throw new MessageNotSignedException("not written: " + selection.reason);
        }
        spool.copyTo(out);
        out.flush();
        lastSigning = SigningOutcome.unsigned(selection.reason);
        return;
      }
      String fields;
      try (InputStream in = spool.openStream()) {
        fields = selection.signer.signatureFields(in);
      } catch (DkimSigningException e) {
        lastSigning =
            SigningOutcome.unsigned("not written: DKIM signing failed: " + e.getMessage());
        throw new IOException("DKIM signing failed; nothing was written: " + e.getMessage(), e);
      }
      out.write(fields.getBytes(StandardCharsets.UTF_8));
      spool.copyTo(out);
      out.flush();
      lastSigning = SigningOutcome.signed(fields, selection.reason);
    }
  }

  /**
   * Returns what the last {@code writeTo} of this message did: the signatures it wrote, or that it
   * wrote none and why. Empty before the first {@code writeTo}.
   *
   * @return the outcome of the last write, or empty before the first
   */
  public Optional<SigningOutcome> lastSigning() {
    return Optional.ofNullable(lastSigning);
  }

  /**
   * Returns the table that chooses this message's signer.
   *
   * @return the signing table, never {@code null}
   */
  public SigningTable signingTable() {
    return table;
  }

  /** Makes replies created with {@link #reply(boolean)} sign with the same table. */
  @Override
  protected MimeMessage createMimeMessage(Session session) throws MessagingException {
    return new DkimSigningMimeMessage(session, table);
  }
}

package org.dkim4j.jakarta;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;

/**
 * A {@link MimeMessage} parsed from received bytes that keeps its header section exactly as
 * received and knows whether it has been changed since, so that its DKIM signatures can be verified
 * exactly (RFC 6376 section 6) by {@link DkimMimeVerifier#verify(MimeMessage)}.
 *
 * <p>A plain {@code MimeMessage} read from a stream also keeps its header lines and content, but
 * decodes header lines to strings (as UTF-8 with {@code mail.mime.allowutf8}, which alters invalid
 * bytes), and nothing tells a reader whether a header was set or {@code saveChanges()} called
 * afterwards; both change what {@code writeTo} produces and make a good signature fail. This class
 * records the raw header bytes while parsing, and {@link #modifications()} lists what changed.
 *
 * <pre>{@code
 * ReceivedMimeMessage message = new ReceivedMimeMessage(session, inputStream);
 * DkimResults results = new DkimMimeVerifier(verifier).verify(message);
 * }</pre>
 *
 * <p>Not thread-safe, like any {@code MimeMessage}.
 */
public final class ReceivedMimeMessage extends MimeMessage {

  private byte[] rawHeader;
  private final List<String> parsedHeaderLines;
  private final Object parsedContent;
  private boolean contentReplaced;

  /**
   * Parses a message from {@code in}, read to its end (see {@link MimeMessage#MimeMessage(Session,
   * InputStream)}).
   *
   * @param session the session whose {@code mail.mime.*} properties apply; may be null
   * @param in the message as received, header and body
   * @throws MessagingException when the message cannot be parsed
   */
  public ReceivedMimeMessage(Session session, InputStream in) throws MessagingException {
    super(session);
    parse(in);
    saved = true;
    parsedHeaderLines = Collections.list(getAllHeaderLines());
    parsedContent = content != null ? content : contentStream;
  }

  @Override
  protected InternetHeaders createInternetHeaders(InputStream is) throws MessagingException {
    RecordingInputStream recording = new RecordingInputStream(is);
    InternetHeaders headers = new InternetHeaders(recording, allowUtf8());
    rawHeader = recording.recorded();
    return headers;
  }

  private boolean allowUtf8() {
    Properties props = session != null ? session.getProperties() : System.getProperties();
    Object value = props.get("mail.mime.allowutf8");
    if (value instanceof Boolean b) {
      return b;
    }
    return Boolean.parseBoolean(props.getProperty("mail.mime.allowutf8", "false"));
  }

  @Override
  public synchronized void setDataHandler(DataHandler dh) throws MessagingException {
    super.setDataHandler(dh);
    contentReplaced = true;
  }

  /**
   * Lists what has been changed since parsing, in words, e.g. {@code "header fields changed:
   * Subject"} or {@code "saveChanges() was called"}; empty when the message is as received.
   *
   * <p>Changes made inside a {@code Multipart} obtained from {@code getContent()} are not seen
   * before {@code saveChanges()}; until then they do not change what this message writes either.
   *
   * @return a new list of changes, empty when there are none
   */
  public List<String> modifications() {
    List<String> found = new ArrayList<>();
    if (modified) {
      found.add("saveChanges() was called, which sets a new Message-ID and re-encodes the content");
    }
    Object currentContent = content != null ? content : contentStream;
    if (contentReplaced || currentContent != parsedContent) {
      found.add("the content was replaced");
    }
    List<String> lines;
    try {
      lines = Collections.list(getAllHeaderLines());
    } catch (MessagingException e) {
      found.add("the header fields cannot be read: " + e.getMessage());
      return found;
    }
    if (!lines.equals(parsedHeaderLines)) {
      TreeSet<String> changed = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
      Map<String, Integer> counts = new HashMap<>();
      parsedHeaderLines.forEach(line -> counts.merge(line, 1, Integer::sum));
      lines.forEach(line -> counts.merge(line, -1, Integer::sum));
      counts.forEach(
          (line, count) -> {
            if (count != 0) {
              changed.add(fieldName(line));
            }
          });
      found.add(
          changed.isEmpty()
              ? "header fields were reordered"
              : "header fields changed: " + String.join(", ", changed));
    }
    return Collections.unmodifiableList(found);
  }

  private static String fieldName(String line) {
    int colon = line.indexOf(':');
    return (colon < 0 ? line : line.substring(0, colon)).strip();
  }

  /** Returns the message exactly as parsed: the raw header section, then the raw content. */
  InputStream rawMessage() throws MessagingException {
    return new SequenceInputStream(new ByteArrayInputStream(rawHeader), getContentStream());
  }

  /**
   * Records the bytes read through it, honouring mark and reset, so that it holds exactly the bytes
   * the header parser consumed.
   */
  private static final class RecordingInputStream extends FilterInputStream {
    private final ByteArrayOutputStream recorded = new ByteArrayOutputStream();
    private int markedSize = -1;

    RecordingInputStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        recorded.write(b);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = in.read(b, off, len);
      if (n > 0) {
        recorded.write(b, off, n);
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = 0;
      while (skipped < n && read() >= 0) {
        skipped++;
      }
      return skipped;
    }

    @Override
    public synchronized void mark(int readlimit) {
      in.mark(readlimit);
      markedSize = recorded.size();
    }

    @Override
    public synchronized void reset() throws IOException {
      in.reset();
      if (markedSize >= 0) {
        byte[] kept = recorded.toByteArray();
        recorded.reset();
        recorded.write(kept, 0, markedSize);
      }
    }

    byte[] recorded() {
      return recorded.toByteArray();
    }
  }
}

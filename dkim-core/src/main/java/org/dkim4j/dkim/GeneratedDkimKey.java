package org.dkim4j.dkim;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import org.dkim4j.crypto.DkimKeyPair;
import org.dkim4j.crypto.SigningKey;

/**
 * A key made by {@link DkimKeyGenerator}: the key pair, its DNS record, and the two files {@code
 * opendkim-genkey} writes, {@code SELECTOR.private} and {@code SELECTOR.txt}. Immutable. {@link
 * #toString()} shows no key material.
 */
public final class GeneratedDkimKey {

  /**
   * The two files written by {@link #writeFiles(Path)}.
   *
   * @param privateKey the path of {@code SELECTOR.private}, the private key in PKCS#8 PEM
   * @param record the path of {@code SELECTOR.txt}, the zone line
   */
  public record KeyFiles(Path privateKey, Path record) {
    /**
     * Creates the pair of paths.
     *
     * @param privateKey the path of {@code SELECTOR.private}
     * @param record the path of {@code SELECTOR.txt}
     */
    public KeyFiles {
      Objects.requireNonNull(privateKey, "privateKey");
      Objects.requireNonNull(record, "record");
    }
  }

  private final String selector;
  private final String domain;
  private final DkimKeyPair keyPair;
  private final String recordText;
  private final String zoneLine;

  GeneratedDkimKey(String selector, String domain, DkimKeyPair keyPair, KeyRecordBuilder record) {
    this.selector = selector;
    this.domain = domain;
    this.keyPair = keyPair;
    this.recordText = record.text();
    this.zoneLine = record.zoneLine(selector, domain);
  }

  /**
   * Returns the selector.
   *
   * @return the selector, e.g. {@code 2026a}
   */
  public String selector() {
    return selector;
  }

  /**
   * Returns the signing domain, when one was set.
   *
   * @return the domain without a trailing dot, or empty
   */
  public Optional<String> domain() {
    return Optional.ofNullable(domain);
  }

  /**
   * Returns the key pair.
   *
   * @return the pair, with the private key and the public key data for {@code p=}
   */
  public DkimKeyPair keyPair() {
    return keyPair;
  }

  /**
   * Returns the private key, ready for {@code DkimSigner.Builder.key(...)}.
   *
   * @return the signing key
   */
  public SigningKey signingKey() {
    return keyPair.signingKey();
  }

  /**
   * Returns the TXT record text to publish (RFC 6376 section 3.6.1).
   *
   * @return the record, e.g. {@code v=DKIM1; k=ed25519; p=...}
   */
  public String recordText() {
    return recordText;
  }

  /**
   * Returns the BIND zone-file line that publishes the record, as written to {@code SELECTOR.txt};
   * see {@link KeyRecordBuilder#zoneLine(String, String)}.
   *
   * @return the line, ending in a newline
   */
  public String zoneLine() {
    return zoneLine;
  }

  /**
   * Writes {@code SELECTOR.private} (the private key in PKCS#8 PEM) and {@code SELECTOR.txt} (the
   * zone line) into {@code directory}, refusing to replace existing files. See {@link
   * #writeFiles(Path, boolean)}.
   *
   * @param directory an existing directory
   * @return the paths of the two files
   * @throws FileAlreadyExistsException when either file exists
   * @throws IOException when writing fails
   */
  public KeyFiles writeFiles(Path directory) throws IOException {
    return writeFiles(directory, false);
  }

  /**
   * Writes {@code SELECTOR.private} and {@code SELECTOR.txt} into {@code directory}.
   *
   * <p>On file systems with POSIX permissions the private key file is created with mode 0600 (owner
   * read and write only) in the same system call that creates it, so it is never readable by
   * others, not even briefly. With {@code overwrite}, an existing key is replaced atomically by
   * renaming a new 0600 file over it.
   *
   * @param directory an existing directory
   * @param overwrite whether existing files are replaced
   * @return the paths written
   * @throws FileAlreadyExistsException when a file exists and {@code overwrite} is false
   * @throws IOException when writing fails
   */
  public KeyFiles writeFiles(Path directory, boolean overwrite) throws IOException {
    Path privateKey = directory.resolve(selector + ".private");
    Path record = directory.resolve(selector + ".txt");
    if (!overwrite) {
      for (Path file : new Path[] {privateKey, record}) {
        if (Files.exists(file)) {
          throw new FileAlreadyExistsException(file.toString(), null, "not replacing a key file");
        }
      }
    }
    byte[] pem = keyPair.privateKeyPem().getBytes(StandardCharsets.US_ASCII);
    try {
      writeOwnerOnly(privateKey, pem, overwrite);
    } finally {
      Arrays.fill(pem, (byte) 0);
    }
    if (overwrite) {
      Files.writeString(record, zoneLine, StandardCharsets.US_ASCII);
    } else {
      Files.writeString(
          record,
          zoneLine,
          StandardCharsets.US_ASCII,
          StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE);
    }
    return new KeyFiles(privateKey, record);
  }

  private static void writeOwnerOnly(Path file, byte[] data, boolean overwrite) throws IOException {
    Path directory = file.toAbsolutePath().getParent();
    FileAttribute<?>[] ownerOnly =
        Files.getFileStore(directory).supportsFileAttributeView(PosixFileAttributeView.class)
            ? new FileAttribute<?>[] {
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
            }
            : new FileAttribute<?>[0];
    if (!overwrite) {
      write(file, data, ownerOnly);
      return;
    }
    Path temporary = Files.createTempFile(directory, "." + file.getFileName(), ".tmp", ownerOnly);
    try {
      try (SeekableByteChannel channel =
          Files.newByteChannel(temporary, StandardOpenOption.WRITE)) {
        writeFully(channel, data);
      }
      try {
        Files.move(
            temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  private static void write(Path file, byte[] data, FileAttribute<?>[] attributes)
      throws IOException {
    SeekableByteChannel channel =
        Files.newByteChannel(
            file, EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), attributes);
    // From here on the file is ours: remove it if it cannot be written completely.
    boolean done = false;
    try (channel) {
      writeFully(channel, data);
      done = true;
    } finally {
      if (!done) {
        Files.deleteIfExists(file);
      }
    }
  }

  private static void writeFully(SeekableByteChannel channel, byte[] data) throws IOException {
    ByteBuffer buffer = ByteBuffer.wrap(data);
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
  }

  @Override
  public String toString() {
    return "GeneratedDkimKey["
        + selector
        + (domain == null ? "" : "._domainkey." + domain)
        + ", "
        + keyPair
        + "]";
  }
}

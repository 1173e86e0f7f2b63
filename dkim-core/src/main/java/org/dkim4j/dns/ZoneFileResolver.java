package org.dkim4j.dns;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Master;
import org.xbill.DNS.Name;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * TXT records read from RFC 1035 master-file text (a BIND zone file), such as the {@code
 * selector.txt} files that key generators write. Records of other types are ignored. Immutable and
 * thread-safe once built.
 *
 * <p>Relative names are completed with the origin given (or with {@code $ORIGIN}); a file without
 * either must use absolute names ending in a dot.
 */
public final class ZoneFileResolver implements TxtResolver {

  private final InMemoryTxtResolver records;
  private final int count;

  private ZoneFileResolver(InMemoryTxtResolver records, int count) {
    this.records = records;
    this.count = count;
  }

  /**
   * Reads master-file text.
   *
   * @param text the zone text
   * @param origin the origin for relative names, e.g. {@code example.com}, or {@code null}
   * @return the TXT records of the text
   * @throws ZoneFileException when the text is not valid master-file syntax
   */
  public static ZoneFileResolver parse(String text, String origin) {
    return read(List.of(text), origin);
  }

  /**
   * Reads one or more zone files.
   *
   * @param files the zone files, read as UTF-8 in order; their records are combined
   * @param origin the origin for relative names, e.g. {@code example.com}, or {@code null}
   * @return the TXT records of all the files
   * @throws ZoneFileException when a file is not valid master-file syntax
   * @throws IOException when a file cannot be read
   */
  public static ZoneFileResolver fromFiles(List<Path> files, String origin) throws IOException {
    List<String> texts = new ArrayList<>();
    for (Path file : files) {
      texts.add(Files.readString(file, StandardCharsets.UTF_8));
    }
    return read(texts, origin);
  }

  private static ZoneFileResolver read(List<String> texts, String origin) {
    InMemoryTxtResolver.Builder builder = InMemoryTxtResolver.builder();
    int count = 0;
    Name originName = null;
    try {
      if (origin != null) {
        originName = Name.fromString(origin.endsWith(".") ? origin : origin + ".");
      }
    } catch (TextParseException e) {
      throw new ZoneFileException("invalid origin \"" + origin + "\": " + e.getMessage());
    }
    for (String text : texts) {
      InputStream in = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
      try (Master master = new Master(in, originName, 3600)) {
        org.xbill.DNS.Record record;
        while ((record = master.nextRecord()) != null) {
          if (record.getType() == Type.TXT && record.getDClass() == DClass.IN) {
            builder.txt(record.getName().toString(true), join((TXTRecord) record));
            count++;
          }
        }
      } catch (IOException | RuntimeException e) {
        throw new ZoneFileException("invalid zone file: " + e.getMessage());
      }
    }
    return new ZoneFileResolver(builder.build(), count);
  }

  private static String join(TXTRecord record) {
    StringBuilder joined = new StringBuilder();
    for (byte[] part : record.getStringsAsByteArrays()) {
      joined.append(new String(part, StandardCharsets.UTF_8));
    }
    return joined.toString();
  }

  @Override
  public TxtLookup lookup(String name) {
    return records.lookup(name);
  }

  @Override
  public String toString() {
    return "ZoneFileResolver[" + count + " TXT records]";
  }
}

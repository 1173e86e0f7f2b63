package org.dkim4j.dmarc;

import java.util.Objects;
import java.util.OptionalLong;
import org.dkim4j.message.Ascii;

/**
 * One reporting address of a {@code rua=} or {@code ruf=} tag: a URI and an optional size limit, as
 * in {@code mailto:reports@example.com!10m} (RFC 7489 section 6.2).
 *
 * <p>The URI is kept as written. Only {@code mailto:} is defined for reports; other schemes are
 * kept so that the record still parses, and {@link #isMailto()} tells them apart. RFC 9989 says
 * that reporters ignore the size limit; it is kept for RFC 7489 reporters.
 *
 * @param uri the URI as written, without the size limit
 * @param maxBytes the size limit in bytes ({@code k}, {@code m}, {@code g} and {@code t} are powers
 *     of two), or empty when there is none
 */
public record ReportUri(String uri, OptionalLong maxBytes) {

  /**
   * Checks that both parts are present.
   *
   * @param uri the URI as written, without the size limit
   * @param maxBytes the size limit in bytes, or empty when there is none
   */
  public ReportUri {
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(maxBytes, "maxBytes");
  }

  /**
   * True for a {@code mailto:} URI, the only scheme defined for DMARC reports.
   *
   * @return {@code true} if the scheme is {@code mailto}, ignoring ASCII case only (RFC 3986
   *     section 3.1)
   */
  public boolean isMailto() {
    return Ascii.startsWithIgnoreCase(uri, "mailto:");
  }

  @Override
  public String toString() {
    return maxBytes.isPresent() ? uri + "!" + maxBytes.getAsLong() : uri;
  }
}

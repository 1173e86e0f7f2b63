package org.dkim4j.dns;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of one TXT lookup: records, no record (NXDOMAIN or NODATA), or a temporary failure.
 *
 * <p>RFC 6376 section 6.1.2 maps "no record" to PERMFAIL and a temporary failure to TEMPFAIL; the
 * three cases are kept apart so verifiers can do exactly that.
 */
public sealed interface TxtLookup {

  /**
   * The name has TXT records; each entry is one record with its strings joined.
   *
   * @param records the records, one per TXT record at the name; never empty
   */
  record Found(List<String> records) implements TxtLookup {
    /**
     * Creates the outcome; {@code records} must not be empty.
     *
     * @param records the records, each with its strings joined; copied
     * @throws IllegalArgumentException if {@code records} is empty
     */
    public Found {
      records = List.copyOf(records);
      if (records.isEmpty()) {
        throw new IllegalArgumentException("Found needs at least one record; use notFound()");
      }
    }
  }

  /**
   * The name does not exist (NXDOMAIN) or has no TXT record (NODATA). DMARC's {@code np=} (RFC
   * 9989) needs the two apart, so {@link #nameExists()} tells them apart.
   *
   * @param detail a short description such as {@code "NXDOMAIN"}
   * @param nameExists true for NODATA (the name exists but has no TXT record), false for NXDOMAIN
   */
  record NotFound(String detail, boolean nameExists) implements TxtLookup {
    /**
     * Validates the detail.
     *
     * @param detail a short description such as {@code "NXDOMAIN"}
     * @param nameExists true for NODATA (the name exists but has no TXT record), false for NXDOMAIN
     */
    public NotFound {
      Objects.requireNonNull(detail, "detail");
    }
  }

  /**
   * The lookup failed for now (timeout, SERVFAIL, network error); asking later may succeed.
   *
   * @param detail a short description such as {@code "timeout after 5 s"}
   */
  record TemporaryFailure(String detail) implements TxtLookup {
    /**
     * Creates the outcome with a short description such as {@code "timeout after 5 s"}.
     *
     * @param detail a short description of the failure
     */
    public TemporaryFailure {
      Objects.requireNonNull(detail, "detail");
    }
  }

  /**
   * Returns a {@link Found} with the given records.
   *
   * @param records the records, each with its strings joined; at least one
   * @return the outcome
   */
  static TxtLookup found(List<String> records) {
    return new Found(records);
  }

  /**
   * Returns a {@link Found} with the given records.
   *
   * @param records the records, each with its strings joined; at least one
   * @return the outcome
   */
  static TxtLookup found(String... records) {
    return new Found(List.of(records));
  }

  /**
   * Returns a {@link NotFound} for a name that does not exist (NXDOMAIN).
   *
   * @param detail a short description, e.g. {@code "NXDOMAIN"}
   * @return the outcome, with {@link NotFound#nameExists()} false
   */
  static TxtLookup notFound(String detail) {
    return new NotFound(detail, false);
  }

  /**
   * Returns a {@link NotFound} for a name that exists but has no TXT record (NODATA).
   *
   * @param detail a short description, e.g. {@code "NODATA"}
   * @return the outcome, with {@link NotFound#nameExists()} true
   */
  static TxtLookup noData(String detail) {
    return new NotFound(detail, true);
  }

  /**
   * Returns a {@link TemporaryFailure} with the given detail.
   *
   * @param detail a short description, e.g. {@code "SERVFAIL"}
   * @return the outcome
   */
  static TxtLookup temporaryFailure(String detail) {
    return new TemporaryFailure(detail);
  }
}

package org.dkim4j.dns;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A fixed table of TXT records, for tests, examples and embedded zones. Names not in the table are
 * {@link TxtLookup.NotFound}. Names are matched case-insensitively (RFC 4343) and a trailing dot is
 * ignored. Immutable and thread-safe.
 */
public final class InMemoryTxtResolver implements TxtResolver {

  private final Map<String, TxtLookup> answers;

  private InMemoryTxtResolver(Map<String, TxtLookup> answers) {
    this.answers = Map.copyOf(answers);
  }

  /**
   * Returns a builder.
   *
   * @return a new, empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public TxtLookup lookup(String name) {
    TxtLookup answer = answers.get(DnsNames.normalize(name));
    return answer != null ? answer : TxtLookup.notFound("NXDOMAIN");
  }

  @Override
  public String toString() {
    return "InMemoryTxtResolver[" + answers.size() + " names]";
  }

  /** Collects records, absent names and failures. */
  public static final class Builder {
    private final Map<String, List<String>> records = new HashMap<>();
    private final Map<String, TxtLookup> outcomes = new HashMap<>();

    private Builder() {}

    /**
     * Adds one TXT record (its strings already joined) at {@code name}.
     *
     * @param name the domain name, matched case-insensitively; a trailing dot is ignored
     * @param record the record text; added after any records already at {@code name}
     * @return this builder
     */
    public Builder txt(String name, String record) {
      Objects.requireNonNull(record, "record");
      records.computeIfAbsent(DnsNames.normalize(name), k -> new ArrayList<>()).add(record);
      return this;
    }

    /**
     * Makes lookups of {@code name} fail temporarily, like a timeout or SERVFAIL.
     *
     * @param name the domain name, matched case-insensitively; a trailing dot is ignored
     * @return this builder
     */
    public Builder temporaryFailure(String name) {
      outcomes.put(DnsNames.normalize(name), TxtLookup.temporaryFailure("simulated failure"));
      return this;
    }

    /**
     * Makes {@code name} answer NODATA even if records were added.
     *
     * @param name the domain name, matched case-insensitively; a trailing dot is ignored
     * @return this builder
     */
    public Builder noData(String name) {
      outcomes.put(DnsNames.normalize(name), TxtLookup.noData("NODATA"));
      return this;
    }

    /**
     * Returns the resolver.
     *
     * @return an immutable resolver; later changes to this builder do not affect it
     */
    public InMemoryTxtResolver build() {
      Map<String, TxtLookup> answers = new HashMap<>();
      records.forEach((name, list) -> answers.put(name, TxtLookup.found(list)));
      answers.putAll(outcomes);
      return new InMemoryTxtResolver(answers);
    }
  }
}

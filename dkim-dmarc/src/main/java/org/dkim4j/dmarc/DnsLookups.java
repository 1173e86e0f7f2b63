package org.dkim4j.dmarc;

import java.util.HashMap;
import java.util.Map;
import org.dkim4j.dns.TxtLookup;
import org.dkim4j.dns.TxtResolver;

/**
 * The DNS queries of one evaluation: each name is asked once, and at most {@code budget} distinct
 * names are asked in all. Not thread-safe: one per message.
 */
final class DnsLookups {

  private final TxtResolver resolver;
  private final int budget;
  private final Map<String, TxtLookup> answers = new HashMap<>();

  DnsLookups(TxtResolver resolver, int budget) {
    this.resolver = resolver;
    this.budget = budget;
  }

  /**
   * Looks up the TXT records at {@code name}.
   *
   * @throws LimitReached when the budget is spent
   */
  TxtLookup txt(String name) {
    TxtLookup answer = answers.get(name);
    if (answer == null) {
      if (answers.size() >= budget) {
        throw new LimitReached(name, budget);
      }
      answer = resolver.lookup(name);
      if (answer == null) {
        throw new NullPointerException("the TxtResolver returned null for " + name);
      }
      answers.put(name, answer);
    }
    return answer;
  }

  /** Returns how many distinct names were looked up. */
  int count() {
    return answers.size();
  }

  /** The lookup limit per message was reached before the answer was known. */
  static final class LimitReached extends RuntimeException {
    private static final long serialVersionUID = 1L;

    LimitReached(String name, int budget) {
      super(
          "DNS lookup limit of " + budget + " per message reached before " + name,
          null,
          false,
          false);
    }
  }
}

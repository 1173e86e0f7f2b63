package org.dkim4j.dmarc;

import java.util.Objects;
import org.dkim4j.auth.AuthenticationResults;
import org.dkim4j.auth.ResultEntry;
import org.dkim4j.dkim.DkimResult;
import org.dkim4j.dkim.DkimResults;

/**
 * What {@link DmarcEvaluator#evaluate(java.io.InputStream, SpfInput)} found in one pass over a
 * message: the DKIM results of every signature and the DMARC verdict. Immutable.
 *
 * @param dkimResults the DKIM results (RFC 6376), one per signature
 * @param verdict the DMARC verdict (RFC 7489, RFC 9989)
 */
public record DmarcEvaluation(DkimResults dkimResults, DmarcVerdict verdict) {

  /**
   * Checks that both parts are present.
   *
   * @param dkimResults the DKIM results (RFC 6376), one per signature
   * @param verdict the DMARC verdict (RFC 7489, RFC 9989)
   */
  public DmarcEvaluation {
    Objects.requireNonNull(dkimResults, "dkimResults");
    Objects.requireNonNull(verdict, "verdict");
  }

  /**
   * Returns the Authentication-Results (RFC 8601) for this evaluation: a {@code dkim} entry per
   * signature (or {@code dkim=none}) and the {@code dmarc} entry, e.g. {@code mx.example.org;
   * dkim=pass (2048-bit key) header.d=example.com ...; dmarc=pass (p=NONE sp=NONE dis=NONE)
   * header.from=example.com}. Use {@link AuthenticationResults#toHeaderField()} for the folded
   * header field.
   *
   * @param authservId the receiving host's authentication service identifier
   * @return the Authentication-Results value
   */
  public AuthenticationResults authenticationResults(String authservId) {
    AuthenticationResults.Builder builder = AuthenticationResults.builder(authservId);
    if (dkimResults.results().isEmpty()) {
      builder.add(ResultEntry.of("dkim", "none"));
    }
    for (DkimResult result : dkimResults) {
      builder.add(result.toResultEntry());
    }
    return builder.add(verdict.toResultEntry()).build();
  }
}

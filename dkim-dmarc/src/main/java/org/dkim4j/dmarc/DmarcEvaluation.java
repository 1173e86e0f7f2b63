package org.dkim4j.dmarc;

import java.util.Objects;
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

  /** Checks that both parts are present. */
  public DmarcEvaluation {
    Objects.requireNonNull(dkimResults, "dkimResults");
    Objects.requireNonNull(verdict, "verdict");
  }

  /**
   * Returns an Authentication-Results field body (RFC 8601 section 2.2) with a {@code dkim} entry
   * per signature and the {@code dmarc} entry, e.g. {@code mx.example.org; dkim=pass
   * header.d=example.com header.s=sel; dmarc=pass (p=NONE sp=NONE dis=NONE)
   * header.from=example.com}.
   *
   * @param authservId the receiving host's authentication service identifier
   */
  public String authenticationResults(String authservId) {
    StringBuilder body = new StringBuilder(Objects.requireNonNull(authservId, "authservId"));
    if (dkimResults.results().isEmpty()) {
      body.append("; dkim=none");
    }
    for (DkimResult result : dkimResults) {
      body.append("; dkim=").append(result.status().resultName());
      if (!result.domain().isEmpty()) {
        body.append(" header.d=").append(result.domain());
      }
      if (!result.selector().isEmpty()) {
        body.append(" header.s=").append(result.selector());
      }
    }
    return body.append("; ").append(verdict.authenticationResultsEntry()).toString();
  }
}

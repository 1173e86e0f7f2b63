package org.dkim4j.dmarc;

/**
 * The Organizational Domain of a name, or why it could not be determined ({@code domain} null): a
 * temporary DNS failure (a later try may succeed) or the lookup limit.
 */
record OrganizationalDomain(String domain, String problem, boolean temporary) {

  static OrganizationalDomain of(String domain) {
    return new OrganizationalDomain(domain, null, false);
  }

  static OrganizationalDomain unknown(String problem, boolean temporary) {
    return new OrganizationalDomain(null, problem, temporary);
  }

  boolean known() {
    return domain != null;
  }
}

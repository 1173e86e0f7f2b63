/** DMARC evaluation (RFC 7489, RFC 9989). Start with {@link org.dkim4j.dmarc.DmarcEvaluator}. */
package org.dkim4j.dmarc;

/**
 * The Authentication-Results header field of RFC 8601: a value model, a writer and a parser.
 *
 * <p>{@link org.dkim4j.auth.AuthenticationResults} is one field value (RFC 8601 section 2.2): the
 * authserv-id, an optional version and a list of {@link org.dkim4j.auth.ResultEntry} ("resinfo")
 * items, each with its ordered {@link org.dkim4j.auth.Property} list. Nothing here is specific to
 * DKIM; any method, result, ptype and property is accepted as long as it is well-formed.
 *
 * <p>The writer never produces text its own parser reads back differently: parsing {@link
 * org.dkim4j.auth.AuthenticationResults#format()} or {@link
 * org.dkim4j.auth.AuthenticationResults#toHeaderField()} gives an equal object.
 */
package org.dkim4j.auth;

/**
 * Helpers shared by dkim4j's own packages. Not exported by the module and not part of the API: it
 * may change in any release.
 */
package org.dkim4j.internal;

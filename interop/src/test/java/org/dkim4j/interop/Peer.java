package org.dkim4j.interop;

import java.util.List;

/** A DKIM implementation in the suite: each one signs and verifies. */
enum Peer {
  DKIM4J("dkim4j", "dkim4j"),
  OPENDKIM("OpenDKIM", "opendkim"),
  DKIMPY("dkimpy", "python3-dkim"),
  MAIL_DKIM("Mail::DKIM", "libmail-dkim-perl"),
  RSPAMD("rspamd", "rspamd");

  /** The name printed in the matrix. */
  final String label;

  /** The Debian package whose version is reported (dkim4j: this build). */
  final String debianPackage;

  Peer(String label, String debianPackage) {
    this.label = label;
    this.debianPackage = debianPackage;
  }

  /** The standard variants this peer can sign. */
  List<Variant> signs() {
    return switch (this) {
      case DKIM4J, OPENDKIM, DKIMPY -> Variant.standard();
        // Debian 12's Mail::DKIM (1.20230212) has no Ed25519; it came in 1.20230630.
      case MAIL_DKIM -> Variant.standard().stream().filter(v -> !v.ed25519()).toList();
        // rspamadm mime sign always signs relaxed/relaxed.
      case RSPAMD ->
          Variant.standard().stream()
              .filter(v -> v.canonicalization().equals("relaxed/relaxed"))
              .toList();
    };
  }
}

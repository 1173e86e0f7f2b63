package org.dkim4j.interop;

import java.util.ArrayList;
import java.util.List;

/**
 * The rows of the matrix: which signer signs which messages with which variant. Every signer signs
 * every message shape with every variant it supports; the special key records get fewer rows.
 */
final class Plan {
  private Plan() {}

  /** One row: a signer and a variant, over some message shapes. */
  record Row(Peer signer, Variant variant, List<Shape> shapes) {}

  static List<Row> rows() {
    List<Shape> all = List.of(Shape.values());
    List<Row> rows = new ArrayList<>();
    for (Peer signer : Peer.values()) {
      for (Variant variant : signer.signs()) {
        rows.add(new Row(signer, variant, all));
      }
    }
    // rsa-sha1: every peer accepts it, dkim4j must not (RFC 8301). OpenDKIM signs it, From
    // oversigned like every other signer here.
    rows.add(new Row(Peer.OPENDKIM, Variant.RSA_SHA1, all));
    // The 1.4 kB key record tests each verifier's DNS over TCP: one message shape is enough,
    // signed by dkim4j and by a peer.
    rows.add(new Row(Peer.DKIM4J, Variant.LARGE_RECORD, List.of(Shape.PLAIN)));
    rows.add(new Row(Peer.DKIMPY, Variant.LARGE_RECORD, List.of(Shape.PLAIN)));
    return List.copyOf(rows);
  }
}

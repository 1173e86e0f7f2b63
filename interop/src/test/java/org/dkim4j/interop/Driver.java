package org.dkim4j.interop;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** How the suite drives one peer: as a signer and as a verifier. */
interface Driver {

  /** One message to sign. */
  record SignJob(Peer signer, Variant variant, Shape shape, Path input, Path output) {}

  Peer peer();

  /**
   * Signs each job's input into its output. A job whose output is missing or unsigned afterwards
   * failed; the returned map says why, where the peer said.
   */
  Map<SignJob, String> sign(List<SignJob> jobs) throws Exception;

  /** Verifies the one signature of each file through the peer's own DNS server. */
  Map<Path, Verdict> verify(List<Path> files) throws Exception;
}

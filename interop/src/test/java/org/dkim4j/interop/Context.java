package org.dkim4j.interop;

import java.nio.file.Path;
import java.util.Map;

/**
 * What the drivers share inside the namespace.
 *
 * @param work the run's directory
 * @param jar the dkim4j command's jar
 * @param peerScripts the directory of the dkimpy and Mail::DKIM scripts
 * @param keys the keys and their records
 * @param dnsPorts the port of each verifier's own DNS server on 127.0.0.1
 * @param rspamd the rspamd daemon
 */
record Context(
    Path work, Path jar, Path peerScripts, Keys keys, Map<Peer, Integer> dnsPorts, Rspamd rspamd) {

  int dnsPort(Peer verifier) {
    return dnsPorts.get(verifier);
  }

  Path conf() {
    return work.resolve("conf");
  }
}

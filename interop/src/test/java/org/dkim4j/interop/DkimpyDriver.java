package org.dkim4j.interop;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * dkimpy through its library in one Python process per batch ({@code src/test/peers/dkimpy.py}):
 * {@code dkim.sign} as {@code dkimsign} calls it, and {@code DKIM.verify} with dnspython pinned to
 * the suite's server.
 */
final class DkimpyDriver implements Driver {

  private final Context context;

  DkimpyDriver(Context context) {
    this.context = context;
  }

  @Override
  public Peer peer() {
    return Peer.DKIMPY;
  }

  @Override
  public Map<SignJob, String> sign(List<SignJob> jobs) throws IOException {
    return ScriptedPeer.sign(
        context,
        jobs,
        List.of("/usr/bin/python3", context.peerScripts().resolve("dkimpy.py").toString()),
        // dkimpy reads an Ed25519 key only as the base64 of its seed.
        v -> v.ed25519() ? context.keys().ed25519Seed() : context.keys().pem(v.key()));
  }

  @Override
  public Map<Path, Verdict> verify(List<Path> files) {
    List<String> command =
        new ArrayList<>(
            List.of(
                "/usr/bin/python3",
                context.peerScripts().resolve("dkimpy.py").toString(),
                "verify",
                Integer.toString(context.dnsPort(Peer.DKIMPY))));
    return ScriptedPeer.verify(command, Map.of(), files);
  }
}

package org.dkim4j.benchmarks;

import java.util.concurrent.TimeUnit;
import org.dkim4j.canon.BodyCanonicalizer;
import org.dkim4j.canon.ByteSink;
import org.dkim4j.canon.Canonicalization;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Body canonicalization alone, without hashing, over 64 KB of one kind of content: format=flowed
 * text (a space at the end of most lines), plain text, or base64 in lines of 76. The output goes to
 * a sink that only counts it. Shows what canonicalization adds to hashing, per kind of content:
 * compare with {@link Sha256} at the same size.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class BodyCanonicalization {

  /**
   * What the body holds: format=flowed text, the same text without the space at the end of each
   * line (lines of many lengths, each passed unchanged), or base64 in lines of one length.
   */
  @Param({"text", "base64", "plain"})
  public String content;

  /** Body canonicalization. */
  @Param({"relaxed", "simple"})
  public String canonicalization;

  private byte[] body;
  private Canonicalization kind;

  /** Creates the body. */
  @Setup
  public void setUp() {
    int size = 64 * 1024;
    body =
        switch (content) {
          case "text" -> Messages.flowedText(size);
          case "plain" -> Messages.plainText(size);
          default -> Messages.base64(size);
        };
    kind = Canonicalization.parse(canonicalization);
  }

  /** The number of canonical bytes, in 8 KB chunks as the message reader passes them. */
  @Benchmark
  public long canonicalize() {
    Counter counter = new Counter();
    BodyCanonicalizer canonicalizer = BodyCanonicalizer.of(kind, counter);
    for (int offset = 0; offset < body.length; offset += 8 * 1024) {
      canonicalizer.update(body, offset, Math.min(8 * 1024, body.length - offset));
    }
    canonicalizer.finish();
    return counter.count;
  }

  private static final class Counter implements ByteSink {
    long count;

    @Override
    public void write(byte[] bytes, int offset, int length) {
      count += length;
    }
  }
}

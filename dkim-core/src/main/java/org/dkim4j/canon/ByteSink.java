package org.dkim4j.canon;

/** Where a canonicalizer pushes its output, in slices. */
@FunctionalInterface
public interface ByteSink {
  /** Accepts {@code length} bytes of {@code bytes} from {@code offset}; must not keep the array. */
  void write(byte[] bytes, int offset, int length);
}

package org.dkim4j.canon;

/** Where a canonicalizer pushes its output, in slices. */
@FunctionalInterface
public interface ByteSink {
  /**
   * Accepts {@code length} bytes of {@code bytes} from {@code offset}; must not keep the array.
   *
   * @param bytes holds the output; reused by the caller after the call returns
   * @param offset index of the first output byte in {@code bytes}
   * @param length number of output bytes, possibly 0
   */
  void write(byte[] bytes, int offset, int length);
}

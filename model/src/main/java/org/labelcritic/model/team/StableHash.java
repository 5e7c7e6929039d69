package org.labelcritic.model.team;

import java.nio.charset.StandardCharsets;

/**
 * A 64-bit hash of text that is the same on every machine and Java version (FNV-1a over UTF-8, then
 * the SplitMix64 finaliser to spread the bits). Not for security: it only has to deal items evenly
 * and reproducibly.
 */
final class StableHash {
  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  private StableHash() {}

  static long of(String... parts) {
    long h = FNV_OFFSET;
    for (String p : parts) {
      for (byte b : p.getBytes(StandardCharsets.UTF_8)) {
        h ^= b & 0xff;
        h *= FNV_PRIME;
      }
      h ^= 0x1f; // unit separator: ("ab","c") and ("a","bc") differ
      h *= FNV_PRIME;
    }
    h ^= h >>> 30;
    h *= 0xbf58476d1ce4e5b9L;
    h ^= h >>> 27;
    h *= 0x94d049bb133111ebL;
    h ^= h >>> 31;
    return h;
  }

  /** The hash as a number in [0, 1). */
  static double unit(String... parts) {
    return (of(parts) >>> 11) * 0x1.0p-53;
  }
}

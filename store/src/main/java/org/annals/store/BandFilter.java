package org.annals.store;

/**
 * Which LSH band keys the store may hold, so the near-duplicate check asks the store only for keys
 * that can match. A bit per slot (the key's low bits; band keys are already mixed hashes), set for
 * every stored key: a key whose bit is clear is certainly absent, a key whose bit is set may be
 * present. Absent keys are almost all of them (most articles have no near-duplicate), and the
 * store's lookup costs about the same per key whether it finds one or not, so asking for the few
 * whose bit is set makes the check's cost follow the batch instead of the store.
 *
 * <p>Sized at 16 bits per stored key (about 6% of absent keys pass), from 2^20 bits up to 2^29 (64
 * MB, 33 million keys: a million articles); {@link #crowded()} says when it should be rebuilt
 * larger. Bits of a batch that was rolled back stay set: a key may pass needlessly, never be
 * missed. Not thread-safe; the store writes from one thread.
 */
final class BandFilter {
  static final int MIN_LOG_BITS = 20;
  static final int MAX_LOG_BITS = 29;
  private static final int BITS_PER_KEY = 16;

  private final long[] words;
  private final long mask;
  private final int logBits;
  private long keys;

  private BandFilter(int logBits) {
    this.logBits = logBits;
    this.words = new long[1 << (logBits - 6)];
    this.mask = (1L << logBits) - 1;
  }

  /** An empty filter sized for about {@code expectedKeys} keys. */
  static BandFilter sizedFor(long expectedKeys) {
    int log = MIN_LOG_BITS;
    while (log < MAX_LOG_BITS && (1L << log) < expectedKeys * BITS_PER_KEY) {
      log++;
    }
    return new BandFilter(log);
  }

  void add(long band) {
    long slot = band & mask;
    words[(int) (slot >>> 6)] |= 1L << slot;
    keys++;
  }

  /** False only if no stored key is {@code band}. */
  boolean mayContain(long band) {
    long slot = band & mask;
    return (words[(int) (slot >>> 6)] & (1L << slot)) != 0;
  }

  /** Whether it holds so many keys for its size that a larger one would pass far fewer. */
  boolean crowded() {
    return logBits < MAX_LOG_BITS && keys * (BITS_PER_KEY / 2) > (1L << logBits);
  }

  long bits() {
    return 1L << logBits;
  }
}

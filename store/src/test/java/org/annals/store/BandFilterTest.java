package org.annals.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

final class BandFilterTest {
  @Test
  void everyAddedKeyPasses_andFewAbsentOnesDo_onRandomKeys() {
    for (long seed = 1; seed <= 5; seed++) {
      Random random = new Random(seed);
      int n = 1000 + random.nextInt(200_000);
      BandFilter f = BandFilter.sizedFor(n);
      Set<Long> added = new HashSet<>();
      for (int i = 0; i < n; i++) {
        long k = random.nextLong();
        f.add(k);
        added.add(k);
      }
      assertThat(added).allMatch(f::mayContain);
      int passed = 0;
      int absent = 0;
      for (int i = 0; i < 20_000; i++) {
        long k = random.nextLong();
        if (!added.contains(k)) {
          absent++;
          passed += f.mayContain(k) ? 1 : 0;
        }
      }
      assertThat((double) passed / absent).as("seed " + seed + ", " + n + " keys").isLessThan(0.1);
      assertThat(f.crowded()).isFalse();
    }
  }

  @Test
  void crowded_onceItHoldsAKeyForEveryEightBits() {
    BandFilter f = BandFilter.sizedFor(100_000);
    Random random = new Random(9);
    long capacity = f.bits() / 8;
    for (long i = 0; i < capacity; i++) {
      f.add(random.nextLong());
    }
    assertThat(f.crowded()).isFalse();
    f.add(random.nextLong());
    assertThat(f.crowded()).isTrue();
    assertThat(BandFilter.sizedFor(Long.MAX_VALUE / 32).bits())
        .isEqualTo(1L << BandFilter.MAX_LOG_BITS);
  }
}

package org.annals.spark;

import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.spark.TaskContext;

/**
 * Failures injected for tests ({@link JobOptions#failOnce}): the first task of a stage fails on its
 * first attempt after half its items, as a lost executor would leave it. Spark runs the task again,
 * and the output must be the same.
 */
final class Failures {
  private Failures() {}

  /**
   * The items, failing after {@code failAfter} of them when the options ask it of this stage's
   * task.
   */
  static <T> Iterator<T> midway(
      String stage, JobOptions options, Iterator<T> items, int failAfter) {
    TaskContext task = TaskContext.get();
    if (!options.failOnce().contains(stage)
        || task == null
        || task.partitionId() != 0
        || task.attemptNumber() != 0) {
      return items;
    }
    int failAt = Math.max(1, failAfter);
    return new Iterator<>() {
      private int n;

      @Override
      public boolean hasNext() {
        if (n >= failAt) {
          throw new IllegalStateException(
              "failure injected in stage " + stage + " after " + n + " items (a test)");
        }
        return items.hasNext();
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        n++;
        return items.next();
      }
    };
  }
}

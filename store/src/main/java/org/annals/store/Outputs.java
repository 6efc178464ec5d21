package org.annals.store;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.ToIntFunction;

/**
 * Output files written whole or not at all: a regular file is written beside its final name and
 * moved into place when complete, so a failed export never leaves a truncated file (or destroys the
 * previous one); a device or pipe ({@code /dev/stdout}, a FIFO) is written directly.
 */
final class Outputs {
  private Outputs() {}

  /** True if {@code a} and {@code b} name the same file (following links), existing or not. */
  static boolean same(Path a, Path b) {
    try {
      if (Files.exists(a) && Files.exists(b)) {
        return Files.isSameFile(a, b);
      }
    } catch (IOException e) {
      // fall back to comparing the names
    }
    return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
  }

  /**
   * Writes {@code output} through {@code writer}, which gets the path to write and returns a count.
   */
  static int replace(Path output, ToIntFunction<Path> writer) {
    if (Files.exists(output) && !Files.isRegularFile(output)) {
      return writer.applyAsInt(output); // a device or pipe: nothing to replace
    }
    Path dir = output.toAbsolutePath().getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      throw new StoreException(
          "cannot write " + output + ": the directory " + dir + " does not exist; create it first");
    }
    Path tmp = dir.resolve("." + output.getFileName() + ".part");
    try {
      int n = writer.applyAsInt(tmp);
      try {
        Files.move(
            tmp, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, output, StandardCopyOption.REPLACE_EXISTING);
      }
      return n;
    } catch (IOException e) {
      throw new StoreException(
          "cannot write " + output + ": " + e.getMessage() + "; check the directory is writable",
          e);
    } finally {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException e) {
        // nothing more to do: the temporary file is hidden and named after the output
      }
    }
  }
}

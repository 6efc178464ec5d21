package org.annals.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The served events' records, appended to a temporary file mapped into memory: the operating
 * system's page cache holds them, not the Java heap, so a store of a million events serves its
 * pages from memory within the launcher's default heap. Append-only; one writer, many readers (a
 * reader only asks for blobs whose address it got after they were written). Deleted on close.
 */
final class BlobLog implements AutoCloseable {
  private static final int SEGMENT = 1 << 28;

  private final Path file;
  private final FileChannel channel;
  private final CopyOnWriteArrayList<MappedByteBuffer> segments = new CopyOnWriteArrayList<>();
  private int position = SEGMENT;

  BlobLog() {
    try {
      file = Files.createTempFile("annals-serve-", ".records");
      file.toFile().deleteOnExit();
      channel =
          FileChannel.open(
              file,
              StandardOpenOption.READ,
              StandardOpenOption.WRITE,
              StandardOpenOption.DELETE_ON_CLOSE);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot create the server's record file in the temp directory", e);
    }
  }

  /** Appends a record; returns its address (segment and offset) and length packed in a long. */
  long append(String json) {
    byte[] b = json.getBytes(StandardCharsets.UTF_8);
    if (b.length >= (1 << 24)) {
      throw new IllegalArgumentException("an event record of " + b.length + " bytes is too large");
    }
    if (position + b.length > SEGMENT) {
      try {
        segments.add(
            channel.map(FileChannel.MapMode.READ_WRITE, (long) segments.size() * SEGMENT, SEGMENT));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot grow the server's record file " + file, e);
      }
      position = 0;
    }
    MappedByteBuffer seg = segments.get(segments.size() - 1);
    seg.put(position, b);
    long address = ((long) (segments.size() - 1) * SEGMENT + position);
    position += b.length;
    return (address << 24) | b.length;
  }

  /** The record at an address {@link #append} gave. */
  String get(long handle) {
    return new String(bytes(handle), StandardCharsets.UTF_8);
  }

  /** The record's UTF-8 bytes. */
  byte[] bytes(long handle) {
    int length = (int) (handle & 0xFFFFFF);
    long address = handle >>> 24;
    MappedByteBuffer seg = segments.get((int) (address / SEGMENT));
    byte[] b = new byte[length];
    seg.get((int) (address % SEGMENT), b);
    return b;
  }

  @Override
  public void close() {
    try {
      channel.close();
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // a temporary file; the JVM deletes it on exit
    }
  }
}

package org.annals.spark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.annals.ingest.ArticleReader;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.jspecify.annotations.Nullable;

/**
 * The job's input files, found on the driver from paths any Hadoop file system serves (local, HDFS,
 * S3…), in the order {@code annals ingest} reads them: inputs as given; a directory's files, with
 * the endings {@link ArticleReader} reads, in sorted path order, hidden ones skipped; a glob's
 * matches sorted. Each file is then read on an executor by the same reader as the command line.
 */
final class Inputs {
  private Inputs() {}

  /** One file to read, with its index in the listing. */
  record InputFile(long index, String path) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  /** The files, and the inputs that name none (as problems). */
  record Listing(List<InputFile> files, List<Problem> problems) {}

  /**
   * The inputs followed by the paths the lists name, one a line (a list ending in {@code .gz} is
   * gunzipped; blank lines and lines opening with {@code #} are skipped). A listed path without a
   * scheme is resolved against {@code prefix} (an absolute one keeps its path on the prefix's file
   * system), or else against the list's directory (an absolute one is kept). A list that cannot be
   * read fails the job before anything runs: the inputs would be incomplete.
   */
  static List<String> withLists(
      Configuration conf, List<String> inputs, List<String> lists, @Nullable String prefix) {
    List<String> out = new ArrayList<>(inputs);
    for (String list : lists) {
      try {
        Path path = new Path(list);
        FileSystem fs = path.getFileSystem(conf);
        int before = out.size();
        try (InputStream raw = fs.open(path);
            BufferedReader r =
                new BufferedReader(
                    new InputStreamReader(
                        list.endsWith(".gz") ? new GZIPInputStream(raw) : raw,
                        StandardCharsets.UTF_8))) {
          for (String line = r.readLine(); line != null; line = r.readLine()) {
            String p = line.strip();
            if (!p.isEmpty() && !p.startsWith("#")) {
              out.add(resolve(p, path, prefix));
            }
          }
        }
        if (out.size() == before) {
          throw new JobException(
              "the input list " + list + " names no file; give a list with one path a line");
        }
      } catch (java.util.zip.ZipException | java.io.EOFException e) {
        throw new JobException(
            "the input list " + list + " is not gzipped (or is empty); name it without .gz", e);
      } catch (IOException | IllegalArgumentException e) {
        throw new JobException(
            "cannot read the input list " + list + ": " + e.getMessage() + "; check the path", e);
      }
    }
    return out;
  }

  /** A listed path with a scheme as it is; any other against the prefix or the list's directory. */
  private static String resolve(String listed, Path list, @Nullable String prefix) {
    Path p = new Path(listed);
    if (p.toUri().getScheme() != null) {
      return listed;
    }
    if (prefix != null) {
      return new Path(new Path(prefix), listed).toString();
    }
    Path parent = list.getParent();
    return p.isAbsolute() || parent == null ? listed : new Path(parent, listed).toString();
  }

  static Listing list(Configuration conf, List<String> inputs) {
    List<InputFile> files = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    for (String input : inputs) {
      try {
        Path path = new Path(input);
        FileSystem fs = path.getFileSystem(conf);
        FileStatus[] matches = fs.globStatus(path);
        if (matches == null || matches.length == 0) {
          problems.add(
              new Problem(input, "unreadable", "no such file; check the path and try again"));
          continue;
        }
        List<FileStatus> sorted = new ArrayList<>(List.of(matches));
        sorted.sort(Comparator.comparing(s -> s.getPath().toString()));
        for (FileStatus s : sorted) {
          if (s.isDirectory()) {
            List<String> found = directory(fs, s.getPath());
            if (found.isEmpty()) {
              problems.add(
                  new Problem(
                      input,
                      "empty",
                      "the directory holds no file to read; give files ending in "
                          + String.join(", ", ArticleReader.EXTENSIONS)));
            }
            for (String f : found) {
              files.add(new InputFile(files.size(), f));
            }
          } else {
            files.add(new InputFile(files.size(), s.getPath().toString()));
          }
        }
      } catch (IOException | IllegalArgumentException e) {
        problems.add(
            new Problem(
                input, "unreadable", "could not list it: " + e.getMessage() + "; check it"));
      }
    }
    return new Listing(files, problems);
  }

  /** The readable files under {@code dir}, in sorted order, none inside a hidden directory. */
  private static List<String> directory(FileSystem fs, Path dir) throws IOException {
    List<String> out = new ArrayList<>();
    String root = dir.toString();
    RemoteIterator<LocatedFileStatus> it = fs.listFiles(dir, true);
    while (it.hasNext()) {
      LocatedFileStatus f = it.next();
      String p = f.getPath().toString();
      String relative = p.startsWith(root) ? p.substring(root.length()) : f.getPath().getName();
      if (f.isFile() && ArticleReader.readable(f.getPath().getName()) && !hidden(relative)) {
        out.add(p);
      }
    }
    out.sort(Comparator.naturalOrder());
    return out;
  }

  private static boolean hidden(String relative) {
    for (String part : relative.split("/")) {
      if (part.startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  /** One thing a file holds: an article, or a problem (a skipped record, or a warning). */
  record Item(@Nullable Article article, @Nullable Problem problem) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  /**
   * Reads one file on an executor, as {@code annals ingest --published} reads it: articles that
   * give no publication date get {@code published}. A file that cannot be opened is one problem.
   */
  static List<Item> read(InputFile file, Configuration conf, @Nullable LocalDate published) {
    List<Item> items = new ArrayList<>();
    long[] records = new long[1];
    ArticleReader reader =
        new ArticleReader(
            a ->
                items.add(
                    new Item(
                        Article.of(
                            Article.order(file.index(), records[0]++),
                            a.withDefaultPublished(published)),
                        null)),
            p -> items.add(new Item(null, Problem.of(p))));
    Path path = new Path(file.path());
    @Nullable InputStream in = null;
    try {
      in = path.getFileSystem(conf).open(path);
      reader.readStream(path.getName(), file.path(), in);
    } catch (IOException e) {
      items.add(
          new Item(
              null,
              new Problem(
                  file.path(),
                  "unreadable",
                  "could not open it: " + e.getMessage() + "; check it")));
    } finally {
      if (in != null) {
        try {
          in.close();
        } catch (IOException ignored) {
          // read already
        }
      }
    }
    return items;
  }
}

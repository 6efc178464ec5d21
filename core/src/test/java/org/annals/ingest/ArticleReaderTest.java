package org.annals.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ArticleReaderTest {
  @TempDir Path dir;
  private final List<RawArticle> articles = new ArrayList<>();
  private final List<InputProblem> problems = new ArrayList<>();
  private final ArticleReader reader = new ArticleReader(articles::add, problems::add);

  private void read(String name, byte[] bytes) throws IOException {
    Path p = dir.resolve(name);
    Files.write(p, bytes);
    reader.read(p.toString(), new ByteArrayInputStream(new byte[0]));
  }

  @Test
  void read_textWithHeadline_separatesTitleAndBody() throws IOException {
    read(
        "story.txt",
        "Rebels seize town\n\nRebels seized the town on Friday.\n"
            .getBytes(StandardCharsets.UTF_8));
    assertThat(articles)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.id()).isEqualTo("story");
              assertThat(a.title()).isEqualTo("Rebels seize town");
              assertThat(a.text()).isEqualTo("\nRebels seized the town on Friday.\n");
            });
  }

  @Test
  void read_textWhoseFirstLineIsASentence_keepsItInTheBody() throws IOException {
    read(
        "lede.txt",
        "Police arrested two men.\nThey were released.\n".getBytes(StandardCharsets.UTF_8));
    assertThat(articles.get(0).title()).isNull();
    assertThat(articles.get(0).text()).startsWith("Police arrested");
  }

  @Test
  void read_textWhoseFirstParagraphIsASentence_keepsItInTheBody() throws IOException {
    read(
        "lead.txt",
        "Police arrested two men in Salem on Friday.\n\nThey were released.\n"
            .getBytes(StandardCharsets.UTF_8));
    assertThat(articles.get(0).title()).isNull();
    assertThat(articles.get(0).text()).startsWith("Police arrested");
    read(
        "q.txt",
        "Who runs the port?\n\nThe navy does, officials said.\n".getBytes(StandardCharsets.UTF_8));
    assertThat(articles.get(1).title()).isEqualTo("Who runs the port?");
  }

  @Test
  void read_jsonLines_badLinesAreReportedAndSkipped() throws IOException {
    String jsonl =
        "{\"id\":\"a\",\"text\":\"Troops withdrew.\",\"published\":\"2022-08-29\"}\n"
            + "not json\n"
            + "{\"id\":\"b\"}\n"
            + "\n"
            + "{\"id\":\"c\",\"text\":\"Police arrested a man.\",\"published\":\"Mon, 29 Aug 2022 10:00:00 GMT\"}\n";
    read("a.jsonl", jsonl.getBytes(StandardCharsets.UTF_8));
    assertThat(articles).extracting(RawArticle::id).containsExactly("a", "c");
    assertThat(articles.get(0).published()).isEqualTo(LocalDate.of(2022, 8, 29));
    assertThat(articles.get(1).published()).isEqualTo(LocalDate.of(2022, 8, 29));
    assertThat(problems)
        .extracting(InputProblem::reason)
        .containsExactly("bad-json", "missing-field");
    assertThat(problems.get(0).origin()).endsWith("a.jsonl:2");
  }

  @Test
  void read_jsonLineWithInvalidUtf8_skipsOnlyThatLine() throws IOException {
    byte[] good =
        "{\"id\":\"ok\",\"text\":\"Rebels attacked.\"}\n".getBytes(StandardCharsets.UTF_8);
    byte[] bad = {
      '{',
      '"',
      'i',
      'd',
      '"',
      ':',
      '"',
      'x',
      '"',
      ',',
      '"',
      't',
      'e',
      'x',
      't',
      '"',
      ':',
      '"',
      (byte) 0xE9,
      '"',
      '}',
      '\n'
    };
    byte[] all = new byte[good.length + bad.length];
    System.arraycopy(bad, 0, all, 0, bad.length);
    System.arraycopy(good, 0, all, bad.length, good.length);
    read("mixed.jsonl", all);
    assertThat(articles).extracting(RawArticle::id).containsExactly("ok");
    assertThat(problems).singleElement().extracting(InputProblem::reason).isEqualTo("not-utf8");
  }

  @Test
  void read_emptyBinaryAndMissingFiles_eachGetOneClearProblem() throws IOException {
    read("empty.txt", new byte[0]);
    read("bin.txt", new byte[] {1, 2, 0, 3});
    reader.read(dir.resolve("missing.txt").toString(), new ByteArrayInputStream(new byte[0]));
    assertThat(problems)
        .extracting(InputProblem::reason)
        .containsExactly("empty", "binary", "unreadable");
    assertThat(problems.get(0).toString()).contains("empty.txt").contains("give a file");
    assertThat(articles).isEmpty();
  }

  @Test
  void read_oversizedText_isRejectedBeforeReading() throws IOException {
    byte[] big = new byte[InputChecks.MAX_ARTICLE_BYTES + 1];
    java.util.Arrays.fill(big, (byte) 'a');
    read("big.txt", big);
    assertThat(problems).singleElement().extracting(InputProblem::reason).isEqualTo("too-large");
  }

  @Test
  void read_stdinJson_isSniffed() {
    String jsonl = "{\"id\":\"s1\",\"text\":\"Troops withdrew.\"}\n";
    reader.read("-", new ByteArrayInputStream(jsonl.getBytes(StandardCharsets.UTF_8)));
    reader.read(
        "-",
        new ByteArrayInputStream(
            "Troops withdrew from the city.".getBytes(StandardCharsets.UTF_8)));
    assertThat(articles).extracting(RawArticle::id).containsExactly("s1", "stdin");
  }

  /** An endless stream: {@code yes TEXT |}, never ending, never read whole. */
  private static java.io.InputStream endless(String line) {
    byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
    return new java.io.InputStream() {
      long pos;

      @Override
      public int read() {
        return bytes[(int) (pos++ % bytes.length)] & 0xff;
      }
    };
  }

  @Test
  void read_endlessTextOnStdin_isRefusedAsTooLargeWithoutReadingItAll() {
    reader.read("-", endless("y\n"));
    assertThat(problems).singleElement().extracting(InputProblem::reason).isEqualTo("too-large");
    assertThat(problems.get(0).message()).contains("JSON Lines");
    assertThat(articles).isEmpty();
  }

  @Test
  void read_jsonLinesOnStdin_areStreamedRecordByRecord() {
    int[] seen = new int[1];
    var stop = new RuntimeException("enough");
    var streaming =
        new ArticleReader(
            a -> {
              if (++seen[0] == 50_000) {
                throw stop; // the reader handed records over before the stream ended
              }
            },
            problems::add);
    var in = endless("{\"id\":\"x\",\"text\":\"Troops withdrew from the town.\"}\n");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> streaming.read("-", in))
        .isSameAs(stop);
    assertThat(seen[0]).isEqualTo(50_000);
  }

  @Test
  void read_stdinText_keepsLeadingWhiteSpaceSoOffsetsHold() {
    reader.read(
        "-",
        new ByteArrayInputStream(
            "\n\n  Troops withdrew from the city.".getBytes(StandardCharsets.UTF_8)));
    assertThat(articles)
        .singleElement()
        .extracting(RawArticle::text)
        .asString()
        .startsWith("\n\n  ");
  }

  @Test
  void read_nonStringText_isABadFieldSkip() throws IOException {
    read(
        "typed.jsonl",
        ("{\"id\":\"a\",\"text\":12345}\n"
                + "{\"id\":\"b\",\"text\":\"Troops withdrew.\",\"title\":[\"x\"]}\n"
                + "{\"id\":7,\"text\":\"Troops withdrew.\"}\n")
            .getBytes(StandardCharsets.UTF_8));
    assertThat(problems).extracting(InputProblem::reason).containsExactly("bad-field", "bad-field");
    assertThat(problems.get(0).message()).contains("\"text\"").contains("number").contains("12345");
    assertThat(problems.get(1).message()).contains("\"title\"").contains("array");
    assertThat(articles).extracting(RawArticle::id).containsExactly("7");
  }

  @Test
  void read_deviceFile_isNotARegularFileRatherThanMissing() {
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(Path.of("/dev/zero")));
    reader.read("/dev/zero", new ByteArrayInputStream(new byte[0]));
    assertThat(problems)
        .singleElement()
        .extracting(InputProblem::message)
        .asString()
        .contains("not a regular file")
        .doesNotContain("no such file");
  }

  @Test
  void problem_fileNameWithTerminalEscapes_isPrintedEscaped() throws IOException {
    String name = "evil\u001B[2Jname\u0007.txt";
    read(name, new byte[0]);
    assertThat(problems.get(0).toString())
        .contains("evil\\x1b[2Jname\\x07.txt")
        .doesNotContain("\u001B")
        .doesNotContain("\u0007");
  }

  @Test
  void checkEnglish_frenchText_isRejected() {
    String fr =
        "Les manifestants ont pris d'assaut le palais présidentiel lundi, selon la police, et"
            + " des coups de feu ont été entendus dans la capitale pendant toute la nuit.";
    assertThat(InputChecks.checkEnglish("fr.txt", fr)).isPresent();
    String en =
        "Protesters stormed the presidential palace on Monday, police said, and gunfire was"
            + " heard in the capital throughout the night.";
    assertThat(InputChecks.checkEnglish("en.txt", en)).isEmpty();
  }

  @Test
  void read_directory_readsKnownFilesInSortedPathOrderAndIgnoresOthers() throws IOException {
    Files.createDirectories(dir.resolve("a/b"));
    Files.createDirectories(dir.resolve(".cache"));
    Files.writeString(
        dir.resolve("a/story.txt"), "Rebels seized the town.", StandardCharsets.UTF_8);
    Files.writeString(
        dir.resolve("a/b/page.html"),
        "<article><p>Police arrested two men.</p></article>",
        StandardCharsets.UTF_8);
    Files.writeString(
        dir.resolve("lines.jsonl"),
        "{\"id\":\"j1\",\"text\":\"Troops withdrew.\"}\n",
        StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("notes.md"), "# not an article", StandardCharsets.UTF_8);
    Files.write(dir.resolve("a/photo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
    Files.writeString(dir.resolve(".cache/old.txt"), "Hidden.", StandardCharsets.UTF_8);
    reader.read(dir.toString(), new ByteArrayInputStream(new byte[0]));
    assertThat(problems).isEmpty();
    assertThat(articles).extracting(RawArticle::id).containsExactly("page", "story", "j1");
    assertThat(articles.get(0).origin()).isEqualTo(dir.resolve("a/b/page.html").toString());
  }

  @Test
  void read_directoryWithoutArticles_givesOneProblemNamingTheEndings() throws IOException {
    Files.writeString(dir.resolve("notes.md"), "# not an article", StandardCharsets.UTF_8);
    reader.read(dir.toString(), new ByteArrayInputStream(new byte[0]));
    assertThat(articles).isEmpty();
    assertThat(problems)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.reason()).isEqualTo("empty");
              assertThat(p.origin()).isEqualTo(dir.toString());
              assertThat(p.message()).contains(".txt").contains(".warc.gz").contains(".atom");
            });
  }

  @Test
  void read_htmlOnStdin_isSniffed() {
    byte[] html =
        "<html><body><article><p>Troops withdrew.</p></article></body></html>"
            .getBytes(StandardCharsets.UTF_8);
    reader.read("-", new ByteArrayInputStream(html));
    assertThat(articles)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.id()).isEqualTo("stdin");
              assertThat(a.text()).isEqualTo("Troops withdrew.");
            });
  }

  @Test
  void parseDate_webAndFeedForms_giveTheWrittenDate() {
    LocalDate aug29 = LocalDate.of(2022, 8, 29);
    assertThat(ArticleReader.parseDate("2022-08-29")).isEqualTo(aug29);
    assertThat(ArticleReader.parseDate("2022-08-29T10:00:00Z")).isEqualTo(aug29);
    assertThat(ArticleReader.parseDate("2022-08-29T23:30:00-05:00")).isEqualTo(aug29);
    assertThat(ArticleReader.parseDate("2022-08-29 10:00")).isEqualTo(aug29);
    assertThat(ArticleReader.parseDate("2022/08/29")).isEqualTo(aug29);
    assertThat(ArticleReader.parseDate("Mon, 29 Aug 2022 10:00:00 GMT")).isEqualTo(aug29);
    assertThat(ArticleReader.parseDate("Mon, 29 Aug 2022 10:00:00 +0200")).isEqualTo(aug29);
    assertThat(ArticleReader.parseDate("Mon, 29 Aug 2022 10:00:00 EDT")).isEqualTo(aug29);
    assertThat(ArticleReader.parseDate("29 August 2022")).isEqualTo(aug29);
    assertThat(ArticleReader.parseDate("August 29, 2022 10:00 AM")).isEqualTo(aug29);
    assertThat(ArticleReader.parseDate("2022-02-30")).isNull();
    assertThat(ArticleReader.parseDate("yesterday")).isNull();
    assertThat(ArticleReader.parseDate("")).isNull();
  }
}

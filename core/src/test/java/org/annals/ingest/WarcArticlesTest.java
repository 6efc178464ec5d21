package org.annals.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.HttpRequest;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;
import org.netpreserve.jwarc.Warcinfo;

final class WarcArticlesTest {
  private static final String FLOOD =
      "https://www.lakeside-post.example/news/flood?utm_source=feed";
  private static final String FLOOD_CANONICAL = "https://www.lakeside-post.example/news/flood";
  private static final String CAFE = "https://lakeside-post.example/news/cafe";

  @TempDir Path dir;
  private final List<RawArticle> articles = new ArrayList<>();
  private final List<InputProblem> problems = new ArrayList<>();
  private final ArticleReader reader = new ArticleReader(articles::add, problems::add);
  private final List<Long> ends = new ArrayList<>();
  private Path warc;

  @BeforeEach
  void writeWarc() throws IOException {
    warc = dir.resolve("crawl.warc.gz");
    try (var out =
            Files.newByteChannel(warc, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        var writer = new WarcWriter(out, WarcCompression.GZIP)) {
      write(
          writer,
          new Warcinfo.Builder().fields(Map.of("software", List.of("annals-test"))).build());
      write(
          writer,
          new WarcRequest.Builder(URI.create(FLOOD))
              .body(new HttpRequest.Builder("GET", "/news/flood?utm_source=feed").build())
              .build());
      write(
          writer,
          response(
              FLOOD,
              200,
              MediaType.HTML_UTF8,
              ("<html><head>"
                      + "<link rel=\"canonical\" href=\"/news/flood\"><title>Flood | Lakeside Post</title></head>"
                      + "<body><article><h1>Lake floods the promenade</h1>"
                      + "<p>The lake flooded the promenade on Saturday.</p></article></body></html>")
                  .getBytes(StandardCharsets.UTF_8)));
      write(
          writer,
          response(
              CAFE,
              200,
              MediaType.parse("text/html; charset=ISO-8859-1"),
              ("<html><body><h1>Caf\u00e9 reopens</h1><article><p>The caf\u00e9 by the pier reopened.</p>"
                      + "</article></body></html>")
                  .getBytes(StandardCharsets.ISO_8859_1)));
      write(
          writer,
          response(
              "https://lakeside-post.example/missing",
              404,
              MediaType.HTML_UTF8,
              ("<html><body><article><p>Page not found. Sorry, we could not find that page on our"
                      + " site.</p></article></body></html>")
                  .getBytes(StandardCharsets.UTF_8)));
      write(
          writer,
          response(
              "https://lakeside-post.example/logo.png",
              200,
              MediaType.parse("image/png"),
              new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2, 3}));
    }
  }

  private void write(WarcWriter writer, WarcRecord record) throws IOException {
    writer.write(record);
    ends.add(writer.position());
  }

  private static WarcResponse response(String url, int status, MediaType type, byte[] body)
      throws IOException {
    return new WarcResponse.Builder(URI.create(url))
        .body(
            new HttpResponse.Builder(status, status == 200 ? "OK" : "Not Found")
                .body(type, body)
                .build())
        .build();
  }

  private static String sha(String s) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private void read(Path path) {
    reader.read(path.toString(), new ByteArrayInputStream(new byte[0]));
  }

  @Test
  void read_warcWithTwoHtmlPages_givesTwoArticlesAndSkipsTheRest() {
    read(warc);
    assertThat(problems).isEmpty();
    assertThat(articles).hasSize(2);
    assertThat(articles.get(0))
        .satisfies(
            a -> {
              assertThat(a.id()).isEqualTo("w" + sha(FLOOD_CANONICAL));
              assertThat(a.url()).isEqualTo(FLOOD_CANONICAL);
              assertThat(a.title()).isEqualTo("Lake floods the promenade");
              assertThat(a.source()).isEqualTo("lakeside-post.example");
              assertThat(a.text()).isEqualTo("The lake flooded the promenade on Saturday.");
              assertThat(a.origin()).isEqualTo(warc + "#" + ends.get(1));
            });
    assertThat(articles.get(1))
        .satisfies(
            a -> {
              assertThat(a.id()).isEqualTo("w" + sha(CAFE));
              assertThat(a.url()).isEqualTo(CAFE);
              assertThat(a.title()).isEqualTo("Café reopens");
              assertThat(a.text()).isEqualTo("The café by the pier reopened.");
            });
  }

  @Test
  void read_truncatedWarc_keepsTheRecordsBeforeTheCutAndReportsOneProblem() throws IOException {
    byte[] all = Files.readAllBytes(warc);
    long cut = (ends.get(3) + ends.get(4)) / 2; // inside the 404 response
    Path truncated = dir.resolve("cut.warc.gz");
    Files.write(truncated, Arrays.copyOf(all, (int) cut));
    read(truncated);
    assertThat(articles)
        .extracting(RawArticle::title)
        .containsExactly("Lake floods the promenade", "Café reopens");
    assertThat(problems)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.reason()).isEqualTo("corrupt");
              assertThat(p.origin()).isEqualTo(truncated.toString());
              assertThat(p.message()).contains("truncated").contains("after 4 records");
            });
  }

  @Test
  void read_uncompressedWarcWithoutPages_isReportedAsEmpty() throws IOException {
    Path plain = dir.resolve("info.warc");
    try (var writer = new WarcWriter(Files.newOutputStream(plain))) {
      writer.write(
          new Warcinfo.Builder().fields(Map.of("software", List.of("annals-test"))).build());
    }
    read(plain);
    assertThat(articles).isEmpty();
    assertThat(problems).singleElement().extracting(InputProblem::reason).isEqualTo("empty");
  }

  @Test
  void read_pageDatedAfterItsFetch_takesTheNextDateSource() throws IOException {
    Path dated = dir.resolve("dated.warc");
    String html =
        "<html><head><meta property=\"article:published_time\" content=\"2019-12-02T09:00:00Z\">"
            + "</head><body><article><p class=meta>Published Nov 19, 2019</p>"
            + "<p>The dam held through the night.</p></article></body></html>";
    try (var writer = new WarcWriter(Files.newOutputStream(dated))) {
      writer.write(
          new WarcResponse.Builder(URI.create("https://valley.example/dam"))
              .date(Instant.parse("2019-11-20T04:40:00Z"))
              .body(
                  new HttpResponse.Builder(200, "OK")
                      .body(MediaType.HTML_UTF8, html.getBytes(StandardCharsets.UTF_8))
                      .build())
              .build());
    }
    read(dated);
    assertThat(problems).isEmpty();
    assertThat(articles)
        .singleElement()
        .extracting(RawArticle::published)
        .isEqualTo(LocalDate.of(2019, 11, 19));
  }
}

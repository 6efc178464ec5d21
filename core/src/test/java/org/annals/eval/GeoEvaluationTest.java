package org.annals.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.annals.event.CodedEvent.Location;
import org.annals.event.PlaceMention;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scoring of the geoparsing sets, with a fake geoparser and gold files written for the test. */
final class GeoEvaluationTest {
  @TempDir Path dir;

  // Lima is at 13-17, Cusco at 22-27; "Peruvian" (29-37) is annotated as a non-toponym.
  private static final String TEXT = "Rain fell on Lima and Cusco. Peruvian farmers waited.";

  private static PlaceMention at(int start, int end, Double lat, Double lon) {
    return new PlaceMention(
        "a",
        TEXT.substring(start, end),
        start,
        end,
        "place",
        new Location("x", "PER", null, lat, lon, lat == null ? null : "city", null),
        "test");
  }

  @Test
  void geoWebNewsFormat_recallPrecisionAndAccuracy() throws IOException {
    Path f = dir.resolve("gwn.xml");
    Files.writeString(
        f,
        """
        <articles><article file="7"><title>t</title><text>%s</text><toponyms>
        <toponym><extractedName>Lima</extractedName><type>Literal</type><start>13</start><end>17</end>
          <latitude>-12.04</latitude><longitude>-77.03</longitude></toponym>
        <toponym><extractedName>Cusco</extractedName><type>Literal</type><start>22</start><end>27</end>
          <latitude>-13.52</latitude><longitude>-71.97</longitude></toponym>
        <toponym><extractedName>Peruvian</extractedName><type>Non_Toponym</type><start>29</start><end>37</end>
          </toponym>
        </toponyms></article></articles>"""
            .formatted(TEXT),
        StandardCharsets.UTF_8);
    // Lima right, Cusco placed in Lima (about 580 km off), and a prediction on the non-toponym.
    List<PlaceMention> predicted =
        List.of(at(13, 17, -12.05, -77.04), at(22, 27, -12.05, -77.04), at(29, 37, -9.0, -75.0));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    List<String> ids = new ArrayList<>();
    var r =
        new GeoEvaluation(
                a -> {
                  ids.add(a.id());
                  assertThat(a.text()).isEqualTo(TEXT);
                  return predicted;
                },
                new PrintStream(out, true, StandardCharsets.UTF_8),
                null)
            .score(f);
    assertThat(ids).containsExactly("gwn.xml#7");
    assertThat(r.gold()).isEqualTo(2);
    assertThat(r.recall()).isEqualTo(1.0);
    assertThat(r.precision()).isEqualTo(2.0 / 3);
    assertThat(r.accuracy161()).isEqualTo(0.5);
    assertThat(r.medianKm()).isBetween(280.0, 300.0); // median of about 1 and 580 km
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("accuracy@161km      0.500");
  }

  @Test
  void geoVirusFormat_missedAndUnresolvedMentionsCount() throws IOException {
    Path f = dir.resolve("gv.xml");
    Files.writeString(
        f,
        """
        <articles><article><source>s</source><text>%s</text><locations>
        <location><name>Lima</name><start>13</start><end>17</end><lat>-12.04</lat><lon>-77.03</lon></location>
        <location><name>Cusco</name><start>22</start><end>27</end><lat>-13.52</lat><lon>-71.97</lon></location>
        </locations></article></articles>"""
            .formatted(TEXT),
        StandardCharsets.UTF_8);
    var r =
        new GeoEvaluation(
                a -> List.of(at(13, 17, null, null)),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                null)
            .score(f);
    assertThat(r.recall()).isEqualTo(0.5); // Cusco missed
    assertThat(r.accuracy161()).isEqualTo(0.0); // Lima found but not resolved
  }

  @Test
  void notXml_isAClearError() throws IOException {
    Path f = dir.resolve("bad.xml");
    Files.writeString(f, "id\ttext\n", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> new GeoEvaluation(a -> List.of(), System.out, null).score(f))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("bad.xml")
        .hasMessageContaining("GeoWebNews or GeoVirus");
  }
}

package org.annals.pipeline;

import java.util.List;
import org.annals.event.CodedEvent;
import org.annals.event.PlaceMention;
import org.annals.ingest.InputProblem;
import org.annals.ingest.RawArticle;
import org.jspecify.annotations.Nullable;

/**
 * What the pipeline made of one article: its events, or the problem that made it skip the article.
 *
 * @param places every place mention, resolved where the gazetteer knows it
 * @param sentences sentences in the article; {@code analysed} of them went through the full NLP
 */
public record ArticleResult(
    RawArticle article,
    List<CodedEvent> events,
    List<PlaceMention> places,
    @Nullable InputProblem problem,
    int sentences,
    int analysed) {

  public ArticleResult {
    events = List.copyOf(events);
    places = List.copyOf(places);
  }

  static ArticleResult skipped(RawArticle article, InputProblem problem) {
    return new ArticleResult(article, List.of(), List.of(), problem, 0, 0);
  }
}

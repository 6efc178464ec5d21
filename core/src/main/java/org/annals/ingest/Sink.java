package org.annals.ingest;

import java.util.function.Consumer;

/** Where a reader puts what it reads: articles to one consumer, problems to the other. */
record Sink(Consumer<RawArticle> articles, Consumer<InputProblem> problems) {
  void article(RawArticle article) {
    articles.accept(article);
  }

  void problem(String origin, String reason, String message) {
    problems.accept(new InputProblem(origin, reason, message));
  }
}

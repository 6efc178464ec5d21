package org.annals.coding;

import java.util.ArrayList;
import java.util.List;
import org.annals.lexicon.Modality;
import org.annals.nlp.AnnotatedDocument;
import org.annals.nlp.Dependency;
import org.annals.nlp.Sentence;
import org.annals.nlp.Token;
import org.jspecify.annotations.Nullable;

/** A construction rather than a trigger word: the reported obligation. Thread-safe. */
final class ReportedObligations {
  private final Modality modality;
  private final ActorFinder finder;

  ReportedObligations(Modality modality, ActorFinder finder) {
    this.modality = modality;
    this.finder = finder;
  }

  /**
   * "The administration declared that China must drop barriers": a reported obligation is a DEMAND
   * by the speaker on the clause's subject, whatever the verb (a construction, not a trigger word;
   * the obligation words are in modality.tsv).
   */
  List<EventMention> find(
      AnnotatedDocument doc,
      Sentence s,
      List<EventMention> coded,
      List<Actor> recent,
      @Nullable String mainCountry) {
    List<EventMention> out = new ArrayList<>();
    List<Token> toks = s.tokens();
    for (int v = 0; v < toks.size(); v++) {
      if (!toks.get(v).isVerb()) {
        continue;
      }
      int modal = -1;
      for (Dependency d : s.children(v)) {
        if (d.relation().equals("aux")
            && modality.is("obligation", toks.get(d.dependent()).key())) {
          modal = d.dependent();
        }
      }
      if (modal < 0 || modal > v) {
        continue;
      }
      final int verb = v;
      if (coded.stream().anyMatch(e -> e.predicate() == verb || e.anchor() == verb)) {
        continue;
      }
      int reporting = -1;
      for (Dependency d : s.parents(v)) {
        if (d.governor() >= 0 && d.relation().equals("ccomp") && toks.get(d.governor()).isVerb()) {
          reporting = d.governor();
        }
      }
      int speaker = reporting < 0 ? -1 : ClauseModality.reportingSubject(s, v);
      if (speaker < 0) {
        continue;
      }
      List<String> rules = new ArrayList<>();
      rules.add(
          "construction: reported obligation '"
              + toks.get(modal).word()
              + " "
              + toks.get(v).word()
              + "' under '"
              + toks.get(reporting).word()
              + "' (modality.tsv obligation)");
      Actor source = finder.resolver().resolve(s, speaker, "source subject of the reporting verb");
      Actor target = null;
      for (Dependency d : s.children(v)) {
        if (d.relation().equals("nsubj") || d.relation().equals("nsubj:pass")) {
          target = finder.resolver().resolve(s, d.dependent(), "target subject of the obligation");
        }
      }
      source =
          finder.withMainCountry(finder.resolvePronoun(doc, s, source, recent, v), mainCountry);
      target =
          finder.withMainCountry(finder.resolvePronoun(doc, s, target, recent, v), mainCountry);
      if (source == null) {
        continue;
      }
      rules.add(source.rule());
      source = ActorFinder.withText(doc, source);
      if (target != null) {
        rules.add(target.rule());
        target = ActorFinder.withText(doc, target);
      }
      int start = toks.get(modal).start();
      int end = toks.get(v).end();
      out.add(
          new EventMention(
              s.index(),
              v,
              v,
              start,
              end,
              doc.span(start, end),
              "DEMAND",
              null,
              List.of(),
              "100",
              null,
              null,
              source,
              target,
              3,
              null,
              null,
              ClauseModality.depth(s, v),
              true,
              rules));
    }
    return out;
  }
}

package org.annals.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.annals.store.ExportRows;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.storage.StorageLevel;
import org.jspecify.annotations.Nullable;
import scala.Tuple2;

/**
 * Exact duplicates, decided as {@code annals ingest} decides them reading the input in order: an
 * article is kept unless an earlier kept article has its id, its canonical URL or its text hash;
 * then the first of these that matches names the reason ({@code already-stored} for the same id and
 * text, {@code id-conflict}, {@code duplicate-url}, {@code duplicate-text}).
 *
 * <p>Done by rounds on the keys, without any state in one JVM: in each round an undecided article
 * whose every key has no undecided article before it is decided (kept, or dropped by a kept one
 * before it). The earliest undecided article is always decided, and most articles share no key at
 * all, so a round or two decides everything in ordinary input.
 */
final class ExactDuplicates {
  private ExactDuplicates() {}

  private static final int UNDECIDED = 0;
  private static final int KEPT = 1;
  private static final int DROPPED = 2;

  /** An article's keys and state, without its text. */
  record Ticket(
      long order,
      String id,
      String origin,
      String hash,
      @Nullable String url,
      int state,
      @Nullable Problem why)
      implements Serializable {
    private static final long serialVersionUID = 1L;

    Ticket decided(int s, @Nullable Problem p) {
      return new Ticket(order, id, origin, hash, url, s, p);
    }
  }

  /** Who may decide one article in a round: what each of its keys says. */
  record Verdict(
      boolean blocked, @Nullable Ticket byId, @Nullable Ticket byUrl, @Nullable Ticket byHash)
      implements Serializable {
    private static final long serialVersionUID = 1L;

    Verdict and(Verdict o) {
      return new Verdict(
          blocked || o.blocked,
          byId != null ? byId : o.byId,
          byUrl != null ? byUrl : o.byUrl,
          byHash != null ? byHash : o.byHash);
    }
  }

  /** The result: the kept articles, how many, and a problem for each one dropped. */
  record Result(JavaRDD<Article> kept, long keptCount, JavaRDD<Problem> dropped) {}

  static Result apply(JavaRDD<Article> articles, int partitions) {
    JavaPairRDD<Long, Ticket> tickets =
        articles.mapToPair(
            a ->
                new Tuple2<>(
                    a.order(),
                    new Ticket(
                        a.order(),
                        a.id(),
                        a.origin(),
                        ExportRows.textHash(a.text()),
                        ExportRows.canonicalUrl(a.url()),
                        UNDECIDED,
                        null)));
    tickets = tickets.persist(StorageLevel.MEMORY_AND_DISK());
    for (int round = 0; round < 10_000; round++) {
      long undecided = tickets.filter(t -> t._2.state() == UNDECIDED).count();
      if (undecided == 0) {
        break;
      }
      JavaPairRDD<Long, Ticket> before = tickets;
      JavaPairRDD<Long, Verdict> verdicts =
          tickets
              .values()
              .flatMapToPair(ExactDuplicates::keys)
              .groupByKey(partitions)
              .flatMapToPair(g -> verdicts(g._1, g._2).iterator())
              .reduceByKey(Verdict::and, partitions);
      tickets =
          tickets
              .leftOuterJoin(verdicts, partitions)
              .mapValues(t -> decide(t._1, t._2.orNull()))
              .persist(StorageLevel.MEMORY_AND_DISK());
      tickets.count();
      before.unpersist(false);
    }
    JavaPairRDD<Long, Ticket> keptTickets = tickets.filter(t -> t._2.state() == KEPT);
    JavaRDD<Article> kept =
        articles
            .mapToPair(a -> new Tuple2<>(a.order(), a))
            .join(keptTickets, partitions)
            .map(t -> t._2._1);
    JavaRDD<Problem> dropped = tickets.values().filter(t -> t.why() != null).map(Ticket::why);
    return new Result(kept, keptTickets.count(), dropped);
  }

  private static java.util.Iterator<Tuple2<String, Ticket>> keys(Ticket t) {
    List<Tuple2<String, Ticket>> out = new ArrayList<>(3);
    out.add(new Tuple2<>("i|" + t.id(), t));
    out.add(new Tuple2<>("h|" + t.hash(), t));
    if (t.url() != null) {
      out.add(new Tuple2<>("u|" + t.url(), t));
    }
    return out.iterator();
  }

  /** For each undecided member of one key: blocked by an undecided one before it, or hit. */
  private static List<Tuple2<Long, Verdict>> verdicts(String key, Iterable<Ticket> members) {
    List<Ticket> sorted = new ArrayList<>();
    members.forEach(sorted::add);
    List<Tuple2<Long, Verdict>> out = new ArrayList<>();
    if (sorted.size() < 2) {
      return out;
    }
    sorted.sort(java.util.Comparator.comparingLong(Ticket::order));
    boolean undecidedBefore = false;
    Ticket keptBefore = null;
    for (Ticket t : sorted) {
      if (t.state() == UNDECIDED) {
        char kind = key.charAt(0);
        Ticket hit = keptBefore;
        out.add(
            new Tuple2<>(
                t.order(),
                new Verdict(
                    undecidedBefore,
                    kind == 'i' ? hit : null,
                    kind == 'u' ? hit : null,
                    kind == 'h' ? hit : null)));
        undecidedBefore = true;
      } else if (t.state() == KEPT && keptBefore == null) {
        keptBefore = t;
      }
    }
    return out;
  }

  private static Ticket decide(Ticket t, @Nullable Verdict v) {
    if (t.state() != UNDECIDED) {
      return t;
    }
    if (v == null) {
      return t.decided(KEPT, null);
    }
    if (v.blocked()) {
      return t;
    }
    String origin = t.origin();
    if (v.byId() != null) {
      return v.byId().hash().equals(t.hash())
          ? t.decided(
              DROPPED, new Problem(origin, "already-stored", "already in the store; nothing to do"))
          : t.decided(
              DROPPED,
              new Problem(
                  origin,
                  "id-conflict",
                  "another article with id '"
                      + t.id()
                      + "' and a different text is stored; give this one a new id to keep both"));
    }
    if (v.byUrl() != null) {
      return t.decided(
          DROPPED,
          new Problem(
              origin, "duplicate-url", "same URL as stored article '" + v.byUrl().id() + "'"));
    }
    if (v.byHash() != null) {
      return t.decided(
          DROPPED,
          new Problem(
              origin, "duplicate-text", "same text as stored article '" + v.byHash().id() + "'"));
    }
    return t.decided(KEPT, null);
  }
}

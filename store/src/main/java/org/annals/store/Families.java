package org.annals.store;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.annals.dedup.Groups;
import org.annals.dedup.MinHash;
import org.annals.ingest.RawArticle;
import org.annals.pipeline.ArticleResult;
import org.jspecify.annotations.Nullable;

/**
 * Links near-duplicate articles into families. Two articles are near-duplicates when their
 * signatures share an LSH band and their estimated similarity reaches {@link
 * Ingester#NEAR_DUPLICATE}; a family is a connected group of them, named by its smallest article
 * id, so the families do not depend on the order articles arrive in. When a new article joins two
 * families, the larger name is renamed to the smaller.
 */
final class Families {
  private final EventStore store;
  private final Groups groups = new Groups();
  private final Set<String> storedFamilies = new HashSet<>();

  Families(EventStore store) {
    this.store = store;
  }

  /** The batch's coded articles as they will be stored, with families and near-duplicate links. */
  List<StoredArticle> link(List<Ingester.Fresh> coded, @Nullable String coder) {
    List<int @Nullable []> sigs = new ArrayList<>();
    List<Set<Long>> bands = new ArrayList<>();
    Set<Long> allBands = new HashSet<>();
    for (Ingester.Fresh f : coded) {
      int[] sig = MinHash.signature(f.article().text());
      Set<Long> own = sig == null ? Set.of() : bandSet(sig);
      sigs.add(sig);
      bands.add(own);
      allBands.addAll(own);
    }
    List<Known> known = new ArrayList<>();
    for (EventStore.Candidate c : store.candidates(allBands).values()) {
      storedFamilies.add(c.family());
      known.add(new Known(c.id(), c.family(), c.minhash(), bandSet(c.minhash())));
    }
    known.sort(java.util.Comparator.comparing(Known::id));
    List<StoredArticle> out = new ArrayList<>();
    for (int i = 0; i < coded.size(); i++) {
      Ingester.Fresh f = coded.get(i);
      int[] sig = sigs.get(i);
      String family = f.article().id();
      String nearest = null;
      double best = 0;
      if (sig != null) {
        for (Known k : known) {
          if (k.id().equals(family) || java.util.Collections.disjoint(bands.get(i), k.bands())) {
            continue;
          }
          double sim = MinHash.similarity(sig, k.minhash());
          if (sim >= Ingester.NEAR_DUPLICATE) {
            groups.join(k.family(), family);
            if (sim > best || sim == best && nearest != null && k.id().compareTo(nearest) < 0) {
              best = sim;
              nearest = k.id();
            }
          }
        }
        // later articles of the batch compare with this one as with a stored article
        known.add(new Known(family, family, sig, bands.get(i)));
      }
      out.add(stored(f, family, nearest, nearest == null ? null : best, sig, coder));
    }
    List<StoredArticle> resolved = new ArrayList<>();
    for (StoredArticle s : out) {
      resolved.add(withFamily(s, groups.find(s.family())));
    }
    return resolved;
  }

  /** Stored families renamed by this batch: old name → new name. */
  Map<String, String> renames() {
    Map<String, String> r = new LinkedHashMap<>();
    for (String f : storedFamilies) {
      String root = groups.find(f);
      if (!root.equals(f)) {
        r.put(f, root);
      }
    }
    return r;
  }

  private static Set<Long> bandSet(int[] sig) {
    Set<Long> s = new HashSet<>();
    for (long b : MinHash.bands(sig)) {
      s.add(b);
    }
    return s;
  }

  /** An article already stored, or earlier in the batch, with its signature's band keys. */
  private record Known(String id, String family, int[] minhash, Set<Long> bands) {}

  private static StoredArticle stored(
      Ingester.Fresh f,
      String family,
      @Nullable String nearest,
      @Nullable Double similarity,
      int @Nullable [] sig,
      @Nullable String coder) {
    RawArticle a = f.article();
    ArticleResult r = java.util.Objects.requireNonNull(f.result());
    return new StoredArticle(
        a.id(),
        f.url(),
        a.source(),
        Ingester.outlet(a.source(), f.url()),
        a.title(),
        a.published(),
        f.hash(),
        a.text().length(),
        family,
        nearest,
        similarity,
        sig,
        a.origin(),
        ArticleText.compress(a.text()),
        coder,
        r.events());
  }

  private static StoredArticle withFamily(StoredArticle s, String family) {
    return new StoredArticle(
        s.id(),
        s.url(),
        s.source(),
        s.outlet(),
        s.title(),
        s.published(),
        s.textHash(),
        s.chars(),
        family,
        s.nearDupOf(),
        s.similarity(),
        s.minhash(),
        s.origin(),
        s.text(),
        s.coder(),
        s.reports());
  }
}

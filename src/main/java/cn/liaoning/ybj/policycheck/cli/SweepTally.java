package cn.liaoning.ybj.policycheck.cli;

import cn.liaoning.ybj.policycheck.baseline.Gate;
import cn.liaoning.ybj.policycheck.cli.SweepSpace.Cost;
import cn.liaoning.ybj.policycheck.engine.Finding;
import cn.liaoning.ybj.policycheck.engine.Status;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * What a sweep found, counted so that rules the varied fields cannot affect are told apart. For
 * every combination it records which rules block (violation, or warning with --fail-on warning)
 * and which are undecided (待定), grouped by that pair of rule sets, with the cheapest
 * combinations of each group; and for every rule, whether its conclusions ever differ between
 * combinations. A rule is <em>affected</em> by the variation when its conclusions differ between
 * combinations or one of its findings is about a varied field (or the list or item holding it);
 * the others come out the same in every combination and are reported apart. One tally per worker
 * thread; {@link #merge} adds them up.
 */
final class SweepTally {
  /** Combinations with the same blocking and undecided rules; the cheapest few of them. */
  static final class Group {
    long count;
    final PriorityQueue<Cost> best = new PriorityQueue<>(SweepSpace.CHEAPEST.reversed());
  }

  /** The rules that block, and the rules (not blocking) that are undecided, in one combination. */
  record Key(BitSet blocking, BitSet undecided) {}

  /** Most field paths remembered per undecided rule, to say which data is missing. */
  private static final int MAX_PATHS = 8;

  private final Map<String, Integer> index;
  private final List<String> ids;
  private final List<String> varied;
  private final int keep;
  long invalid;
  final Map<Key, Group> groups = new HashMap<>();
  private final long[] firstSignature;
  final BitSet seen = new BitSet();
  final BitSet varies = new BitSet();
  final BitSet related = new BitSet();
  /** The worst status of each rule in the first combination that had it (the same in all, for an unaffected rule). */
  final Status[] sample;
  /** The fields of each rule's 待定 findings, as met. */
  final List<Set<String>> missing;

  /**
   * @param ids every rule id that can occur, in catalogue order (its position is the rule's number)
   * @param varied the concrete field paths the sweep varies
   * @param keep how many cheapest combinations to keep per group
   */
  SweepTally(List<String> ids, List<String> varied, int keep) {
    this.ids = ids;
    this.index = new HashMap<>();
    for (String id : ids) {
      index.put(id, index.size());
    }
    this.varied = varied;
    this.keep = Math.max(keep, 1);
    this.firstSignature = new long[ids.size()];
    this.sample = new Status[ids.size()];
    this.missing = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      missing.add(new LinkedHashSet<>());
    }
  }

  List<String> ids() {
    return ids;
  }

  /** Records one evaluated combination. */
  void add(List<Finding> findings, Gate gate, Cost cost) {
    long[] sig = new long[ids.size()];
    BitSet present = new BitSet();
    BitSet blocking = new BitSet();
    BitSet undecided = new BitSet();
    for (Finding f : findings) {
      Integer i = index.get(f.rule());
      if (i == null) {
        continue; // not in the catalogue: nothing to report it under
      }
      present.set(i);
      sig[i] = sig[i] * 1_000_003L + f.status().ordinal() * 31L * 31L + Objects.hashCode(f.subject()) * 31L + Objects.hashCode(f.path());
      if (gate.fails(f.status(), null)) {
        blocking.set(i);
      } else if (f.status() == Status.INDETERMINATE) {
        undecided.set(i);
        Set<String> paths = missing.get(i);
        if (f.path() != null && paths.size() < MAX_PATHS) {
          paths.add(f.path());
        }
      }
      if (!seen.get(i) && f.path() != null && relatesToVaried(f.path())) {
        related.set(i);
      }
    }
    undecided.andNot(blocking);
    for (int i = present.nextSetBit(0); i >= 0; i = present.nextSetBit(i + 1)) {
      if (!seen.get(i)) {
        seen.set(i);
        firstSignature[i] = sig[i];
        sample[i] = worst(findings, ids.get(i));
      } else if (firstSignature[i] != sig[i]) {
        varies.set(i);
      }
    }
    Group g = groups.computeIfAbsent(new Key(blocking, undecided), k -> new Group());
    g.count++;
    keep(g.best, cost, keep);
  }

  /** A finding about a varied field, or about the list or item that holds one (or a part of one). */
  private boolean relatesToVaried(String path) {
    for (String v : varied) {
      if (v.equals(path) || v.startsWith(path + ".") || v.startsWith(path + "[") || path.startsWith(v + ".")) {
        return true;
      }
    }
    return false;
  }

  private static Status worst(List<Finding> findings, String rule) {
    Status w = null;
    for (Finding f : findings) {
      if (f.rule().equals(rule) && (w == null || f.status().rank < w.rank)) {
        w = f.status();
      }
    }
    return w;
  }

  static void keep(PriorityQueue<Cost> best, Cost c, int limit) {
    best.add(c);
    if (best.size() > limit) {
      best.poll();
    }
  }

  /** The tallies of all workers as one. */
  static SweepTally merge(List<SweepTally> tallies) {
    SweepTally first = tallies.get(0);
    SweepTally all = new SweepTally(first.ids, first.varied, first.keep);
    for (SweepTally t : tallies) {
      all.invalid += t.invalid;
      t.groups.forEach((k, g) -> {
        Group into = all.groups.computeIfAbsent(k, x -> new Group());
        into.count += g.count;
        g.best.forEach(c -> keep(into.best, c, all.keep));
      });
      all.varies.or(t.varies);
      all.related.or(t.related);
      for (int i = t.seen.nextSetBit(0); i >= 0; i = t.seen.nextSetBit(i + 1)) {
        if (!all.seen.get(i)) {
          all.seen.set(i);
          all.firstSignature[i] = t.firstSignature[i];
          all.sample[i] = t.sample[i];
        } else if (all.firstSignature[i] != t.firstSignature[i]) {
          all.varies.set(i); // two workers saw it differ
        }
        Set<String> paths = all.missing.get(i);
        for (String p : t.missing.get(i)) {
          if (paths.size() < MAX_PATHS) {
            paths.add(p);
          }
        }
      }
    }
    return all;
  }

  /** The rules the variation affects: conclusions that differ between combinations, or findings about a varied field. */
  BitSet affected() {
    BitSet a = (BitSet) varies.clone();
    a.or(related);
    a.and(seen);
    return a;
  }
}

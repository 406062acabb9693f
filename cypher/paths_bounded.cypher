// name: paths_bounded
// description: The best paths of exactly $left + $right hops between two actors, ranked without
// description: ranking every walk: half-paths are grown one hop at a time out of the source
// description: ($left hops) and into the target ($right hops, walked back from it), and after
// description: each hop only the best $keep half-paths per actor reached are kept (by the
// description: half's support, then recency; parallel relationships give one half, with the best
// description: of each hop), so a hub's thousands of two-hop walks are each read once and never
// description: become paths. The kept halves of each middle actor are joined, the simple paths
// description: among them ranked as paths says, and the first $limit returned. `bound` is the
// description: most support a path the pruning may have missed could have (widened by 1e-9
// description: against rounding; -1 when nothing was left out): a half cut at the middle actor
// description: has at most the last kept half's support there, one cut on an earlier hop at most
// description: that hop's best cut half's; either times the best the other side can give. Every
// description: returned row whose support exceeds `bound` is exactly where the full ranking puts
// description: it. `capped` is true when a hop read more than $half_cap relationships (then
// description: nothing is certain). $left and $right are parameters (1 to 3 each), so one plan
// description: per relationship types serves every length. One row: capped, bound, rows.
// params: source, target, both, forward, intermediaries_only, limit, keep, half_cap, left, right
// slots: types
// mode: read
MATCH (a:{{Actor}} {id: $source}), (b:{{Actor}} {id: $target})
// a level is a list of groups: the kept halves of one side ending at one actor `n`, and
// `next`, the support of the best half that was not kept there (-1.0: none was left out)
WITH a, b, [{side: 0, n: a, next: -1.0,
             kept: [{ids: [a.id], names: [a.sort_key], hs: [], hd: [], sup: 1.0}]},
            {side: 1, n: b, next: -1.0,
             kept: [{ids: [b.id], names: [b.sort_key], hs: [], hd: [], sup: 1.0}]}] AS level,
     [$left, $right] AS goal
// hop 1, 2 and 3 of each side: the same step three times (Cypher has no loop over MATCHes);
// groups whose side has its length already pass through, the others grow one hop
CALL (a, b, level, goal) {
  UNWIND [g IN level WHERE size(g.kept[0].hs) < goal[g.side]] AS g
  UNWIND range(0, size(g.kept) - 1) AS k
  WITH a, b, g.kept[k] AS p, k, g.side AS side, g.n AS x
  MATCH (x)-[r:{{types}}]-(n:{{Actor}})
  WHERE (type(r) IN $both OR (type(r) IN $forward AND (startNode(r) = x) = (side = 0)))
    AND n <> a AND n <> b AND NOT n.id IN p.ids
    AND (NOT $intermediaries_only OR n.intermediary = true)
  WITH p, k, side, x, n, r LIMIT $half_cap + 1
  // grouped by the prefix's place (its end and rank there), not by the prefix itself
  WITH side, x, k, n, head(collect(p)) AS p, count(r) AS walks,
       max(coalesce(r.support, 0.0)) AS h,
       max(coalesce(r.last_seen, '')) AS d
  WITH side, n, walks, {ids: p.ids + n.id, names: p.names + n.sort_key, hs: p.hs + h,
                        hd: p.hd + d, sup: p.sup * h} AS half,
       reduce(e = d, x IN p.hd | CASE WHEN x < e THEN x ELSE e END) AS rec
  ORDER BY half.sup DESC, rec DESC, half.names
  WITH side, n, sum(walks) AS walks, collect(half) AS halves
  RETURN sum(walks) AS walks,
         collect({side: side, n: n, kept: halves[0..$keep],
                  next: CASE WHEN size(halves) > $keep THEN halves[$keep].sup ELSE -1.0 END}) AS grown
}
WITH a, b, goal, walks > $half_cap AS capped,
     [g IN level WHERE size(g.kept[0].hs) >= goal[g.side]] + grown AS level,
     [g IN level WHERE size(g.kept[0].hs) < goal[g.side] AND size(g.kept[0].hs) > 0
      | [g.side, g.next]] AS cut
CALL (a, b, level, goal) {
  UNWIND [g IN level WHERE size(g.kept[0].hs) < goal[g.side]] AS g
  UNWIND range(0, size(g.kept) - 1) AS k
  WITH a, b, g.kept[k] AS p, k, g.side AS side, g.n AS x
  MATCH (x)-[r:{{types}}]-(n:{{Actor}})
  WHERE (type(r) IN $both OR (type(r) IN $forward AND (startNode(r) = x) = (side = 0)))
    AND n <> a AND n <> b AND NOT n.id IN p.ids
    AND (NOT $intermediaries_only OR n.intermediary = true)
  WITH p, k, side, x, n, r LIMIT $half_cap + 1
  // grouped by the prefix's place (its end and rank there), not by the prefix itself
  WITH side, x, k, n, head(collect(p)) AS p, count(r) AS walks,
       max(coalesce(r.support, 0.0)) AS h,
       max(coalesce(r.last_seen, '')) AS d
  WITH side, n, walks, {ids: p.ids + n.id, names: p.names + n.sort_key, hs: p.hs + h,
                        hd: p.hd + d, sup: p.sup * h} AS half,
       reduce(e = d, x IN p.hd | CASE WHEN x < e THEN x ELSE e END) AS rec
  ORDER BY half.sup DESC, rec DESC, half.names
  WITH side, n, sum(walks) AS walks, collect(half) AS halves
  RETURN sum(walks) AS walks,
         collect({side: side, n: n, kept: halves[0..$keep],
                  next: CASE WHEN size(halves) > $keep THEN halves[$keep].sup ELSE -1.0 END}) AS grown
}
WITH a, b, goal, capped OR walks > $half_cap AS capped,
     [g IN level WHERE size(g.kept[0].hs) >= goal[g.side]] + grown AS level,
     cut + [g IN level WHERE size(g.kept[0].hs) < goal[g.side] AND size(g.kept[0].hs) > 0
            | [g.side, g.next]] AS cut
CALL (a, b, level, goal) {
  UNWIND [g IN level WHERE size(g.kept[0].hs) < goal[g.side]] AS g
  UNWIND range(0, size(g.kept) - 1) AS k
  WITH a, b, g.kept[k] AS p, k, g.side AS side, g.n AS x
  MATCH (x)-[r:{{types}}]-(n:{{Actor}})
  WHERE (type(r) IN $both OR (type(r) IN $forward AND (startNode(r) = x) = (side = 0)))
    AND n <> a AND n <> b AND NOT n.id IN p.ids
    AND (NOT $intermediaries_only OR n.intermediary = true)
  WITH p, k, side, x, n, r LIMIT $half_cap + 1
  // grouped by the prefix's place (its end and rank there), not by the prefix itself
  WITH side, x, k, n, head(collect(p)) AS p, count(r) AS walks,
       max(coalesce(r.support, 0.0)) AS h,
       max(coalesce(r.last_seen, '')) AS d
  WITH side, n, walks, {ids: p.ids + n.id, names: p.names + n.sort_key, hs: p.hs + h,
                        hd: p.hd + d, sup: p.sup * h} AS half,
       reduce(e = d, x IN p.hd | CASE WHEN x < e THEN x ELSE e END) AS rec
  ORDER BY half.sup DESC, rec DESC, half.names
  WITH side, n, sum(walks) AS walks, collect(half) AS halves
  RETURN sum(walks) AS walks,
         collect({side: side, n: n, kept: halves[0..$keep],
                  next: CASE WHEN size(halves) > $keep THEN halves[$keep].sup ELSE -1.0 END}) AS grown
}
WITH capped OR walks > $half_cap AS capped,
     [g IN level WHERE size(g.kept[0].hs) >= goal[g.side]] + grown AS level,
     cut + [g IN level WHERE size(g.kept[0].hs) < goal[g.side] AND size(g.kept[0].hs) > 0
            | [g.side, g.next]] AS cut
// what an earlier hop cut: at most its best cut half's support (per side), times the best the
// other side can give anywhere (a kept half, or one cut itself)
WITH capped, level,
     reduce(x = -1.0, c IN cut | CASE WHEN c[0] = 0 AND c[1] > x THEN c[1] ELSE x END) AS cut0,
     reduce(x = -1.0, c IN cut | CASE WHEN c[0] = 1 AND c[1] > x THEN c[1] ELSE x END) AS cut1,
     reduce(x = -1.0, g IN level | CASE WHEN g.side = 0 AND g.kept[0].sup > x
                                        THEN g.kept[0].sup ELSE x END) AS best0,
     reduce(x = -1.0, g IN level | CASE WHEN g.side = 1 AND g.kept[0].sup > x
                                        THEN g.kept[0].sup ELSE x END) AS best1
WITH capped, level, cut0, cut1,
     CASE WHEN cut0 < 0 THEN -1.0
          ELSE cut0 * CASE WHEN cut1 > best1 THEN cut1 ELSE best1 END * 1.000000001 END AS early0,
     CASE WHEN cut1 < 0 THEN -1.0
          ELSE cut1 * CASE WHEN cut0 > best0 THEN cut0 ELSE best0 END * 1.000000001 END AS early1
CALL (level, cut0, cut1) {
  UNWIND level AS g
  WITH g.n AS m, collect(g) AS two
  WHERE size(two) = 2
  WITH [h IN two WHERE h.side = 0][0] AS l, [h IN two WHERE h.side = 1][0] AS r
  WITH l.kept AS lk, r.kept AS rk,
       CASE WHEN l.next < 0 THEN -1.0
            ELSE l.next * CASE WHEN cut1 > r.kept[0].sup THEN cut1 ELSE r.kept[0].sup END
                 * 1.000000001 END AS lb,
       CASE WHEN r.next < 0 THEN -1.0
            ELSE r.next * CASE WHEN cut0 > l.kept[0].sup THEN cut0 ELSE l.kept[0].sup END
                 * 1.000000001 END AS rb
  RETURN collect([lk, rk]) AS pairs,
         coalesce(max(CASE WHEN lb > rb THEN lb ELSE rb END), -1.0) AS late
}
CALL (pairs) {
  UNWIND pairs AS pair
  UNWIND pair[0] AS lh
  UNWIND pair[1] AS rh
  WITH lh, rh WHERE none(i IN rh.ids[0..-1] WHERE i IN lh.ids)
  WITH lh.ids + reverse(rh.ids)[1..] AS ids, lh.names + reverse(rh.names)[1..] AS names,
       reduce(s = 1.0, h IN lh.hs + reverse(rh.hs) | s * h) AS support,
       reduce(d = '\uffff', h IN lh.hd + rh.hd | CASE WHEN h < d THEN h ELSE d END) AS last_seen
  ORDER BY support DESC, last_seen DESC, names
  WITH collect([ids, size(ids) - 1, support, last_seen]) AS found
  RETURN found[0..$limit] AS rows
}
RETURN capped,
       reduce(x = late, e IN [early0, early1] | CASE WHEN e > x THEN e ELSE x END) AS bound,
       rows

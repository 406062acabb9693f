// name: paths_near
// description: Every walkable hop a simple path of at most $hops (1 to 4) hops between two actors
// description: can use, for the caller to list and rank those paths (graph.walk.Walk,
// description: the embedded store's own listing and ranking). One row per hop [u, v, support,
// description: last_seen] in walk direction: the best stored support and the latest date of the
// description: parallel relationships of the types (types in $both either way, the other types of
// description: {{types}} along their direction; with $intermediaries_only every inner actor an
// description: intermediary). The first hop out of the source and the last into the target are
// description: read from the two ends; for three and four hops each actor next to an end is
// description: expanded once (a hub next to both ends once, not once a side), and its
// description: neighbours are grouped so that a hub's thousands of leaves are each one row (the
// description: side with fewer relationships first; the other side's rows only when they reach
// description: an actor the first reached or next to its end), of
// description: which only those that join the two sides are returned: a third hop between the
// description: ends' neighbours, or the middle actor of four hops, reached from a neighbour of
// description: the source and leading to a different neighbour of the target. `capped` is true
// description: when the expansion, or the read out of either end, took more than $cap
// description: relationships kept by the growth, per grown actor (then the hops are not all
// description: there and the caller must not use them). Of the middle actors of four hops next
// description: to neither end, only those whose best path can be among the first $want four-hop
// description: paths are returned (the others' paths all rank after $want others). Also the
// description: sort_key of every actor named. With $enough > 0 and four hops asked, only three
// description: are read when the ends' neighbours allow at least $enough paths of up to three
// description: hops (fewer hops rank first: when they are enough, a hub pair's four-hop middle
// description: actors are not looked for), and four at once when they cannot: `length` says
// description: which (the caller asks again with $enough 0 when three gave fewer than wanted).
// description: With $two > 0 and three hops or more asked, when the paths of up to two hops
// description: (read from the ends alone) are at least $two, only they are read (`length` 2):
// description: no actor is grown, and of the two-hop paths only the hops of those that can be
// description: among the first $two are returned (a hub pair's thousands of neighbours,
// description: hundreds of them shared, were grown for three hops past the time limit).
// params: source, target, both, intermediaries_only, hops, cap, hub, into, want, enough, two
// slots: types
// mode: read
MATCH (a:{{Actor}} {id: $source}), (b:{{Actor}} {id: $target})
// the ends' neighbours: side 0 reached from the source, side 1 leading into the target
OPTIONAL CALL (a, b) {
  MATCH (a)-[r:{{types}}]-(x:{{Actor}})
  WHERE x <> a AND (type(r) IN $both OR startNode(r) = a)
    AND (x = b OR NOT $intermediaries_only OR x.intermediary = true)
  WITH a, x, r LIMIT $cap + 1
  RETURN x AS n, 0 AS side, max(coalesce(r.support, 0.0)) AS s,
         max(coalesce(r.last_seen, '')) AS d,
         count(r) AS reads
  UNION ALL
  MATCH (b)-[r:{{types}}]-(y:{{Actor}})
  WHERE y <> b AND (type(r) IN $both OR endNode(r) = b)
    AND (y = a OR NOT $intermediaries_only OR y.intermediary = true)
  WITH b, y, r LIMIT $cap + 1
  RETURN y AS n, 1 AS side, max(coalesce(r.support, 0.0)) AS s,
         max(coalesce(r.last_seen, '')) AS d,
         count(r) AS reads
}
// more than $cap relationships read out of an end: capped (fcap), as the growth below
WITH a, b, collect(CASE WHEN n IS NOT NULL THEN [n, side, s, d] END) AS first,
     sum(CASE WHEN side = 0 THEN reads ELSE 0 END) > $cap
       OR sum(CASE WHEN side = 1 THEN reads ELSE 0 END) > $cap AS fcap
// the paths of up to two hops are in `first` already: the hop between the ends (b on the
// source's side, a on the target's) and one path of two per actor on both sides (an actor is
// on a side at most once), grouped by actor (a hash aggregation: no list is searched). With
// $two, when they are at least $two (`short`), no longer path is looked for (fewer hops
// rank first: a hub pair's thousands of neighbours are not grown) and only their hops are
// returned; of the paths of two hops, only those whose support (the source's hop's times the
// target's, as the listing multiplies them) reaches the $two-th best (widened by 1e-9):
// the others rank after $two paths
OPTIONAL CALL (a, b, first) {
  // (at most as many as the rows of either side: not grouped when fewer than $two)
  WITH a, b, first
  WHERE $two > 0 AND $hops >= 3 AND size([f IN first WHERE f[1] = 0]) >= $two
    AND size([f IN first WHERE f[1] = 1]) >= $two
  UNWIND first AS f
  WITH a, b, f[0] AS n, collect(f) AS fs
  WHERE size(fs) = 2 OR n = a OR n = b
  WITH fs, CASE WHEN size(fs) = 2 AND fs[0][1] = 0 THEN fs[0][2] * fs[1][2]
                WHEN size(fs) = 2 THEN fs[1][2] * fs[0][2] END AS p
  WITH collect([fs, p]) AS rows, count(p) AS n2,
       count(CASE WHEN p IS NULL AND fs[0][1] = 0 THEN 1 END) AS n1
  OPTIONAL CALL (rows, n2) {
    WITH rows WHERE n2 >= $two
    UNWIND rows AS row
    WITH row[1] AS p WHERE p IS NOT NULL
    RETURN percentileDisc(p, (n2 - $two + 0.5) / n2) * (1 - 1e-9) AS floor
  }
  UNWIND rows AS row
  WITH n1, n2, row WHERE row[1] IS NULL OR floor IS NULL OR row[1] >= floor
  UNWIND row[0] AS f
  RETURN collect(f) AS two, n1, n2
}
WITH a, b, fcap, first, two, $two > 0 AND coalesce(n1 + n2 >= $two, false) AS short
WITH a, b, fcap, short, CASE WHEN short THEN two ELSE first END AS first
// the ends' other neighbours, with their degree (read from the node, no relationship
// walked), only when longer paths are looked for
OPTIONAL CALL (a, b, first, short) {
  WITH a, b, first WHERE NOT short
  UNWIND first AS f
  WITH f[0] AS n, f WHERE n <> a AND n <> b
  RETURN collect([n, f[1], COUNT { (n)-[:{{types}}]-() }, f[2]]) AS inner
}
WITH a, b, fcap, short, first, coalesce(inner, []) AS inner
// the length read (`length`): with $enough, three hops alone when the ends' neighbours allow
// $enough paths of up to three hops, else $hops at once. Paths of up to three hops are at
// most: one of one hop, one of two per neighbour of both ends (at most the fewer neighbours
// of an end), and of three hops, per neighbour of one end one per neighbour of the other it
// has a relationship with (at most its degree)
WITH a, b, fcap, short, first, inner,
     size([f IN inner WHERE f[1] = 0]) AS n0, size([f IN inner WHERE f[1] = 1]) AS n1
WITH a, b, fcap, short, first, inner, n0, n1,
     reduce(c = 0, f IN inner | c + CASE WHEN f[1] <> 0 THEN 0 WHEN f[2] < n1 THEN f[2]
                                         ELSE n1 END) AS w0,
     reduce(c = 0, f IN inner | c + CASE WHEN f[1] <> 1 THEN 0 WHEN f[2] < n0 THEN f[2]
                                         ELSE n0 END) AS w1
WITH a, b, fcap, first, inner,
     CASE WHEN short THEN 2
          WHEN $hops >= 4 AND $enough > 0
               AND 1 + CASE WHEN n0 < n1 THEN n0 ELSE n1 END
                   + CASE WHEN w0 < w1 THEN w0 ELSE w1 END >= $enough
          THEN 3 ELSE $hops END AS length
// no inner neighbour on one side: no path of three hops or more
WITH a, b, fcap, first, length,
     CASE WHEN length >= 3 AND any(f IN inner WHERE f[1] = 0) AND any(f IN inner WHERE f[1] = 1)
          THEN inner ELSE [] END AS inner
// hubs (more than $hub relationships) are not expanded: the hop between a hub and a middle
// actor is looked up from the middle actor (an expand between two bound nodes). Unless a
// middle actor could join a hub of one side to another hub of the other: then the hubs of
// the side with fewer relationships are expanded after all
WITH a, b, fcap, first, length, inner,
     [f IN inner WHERE f[1] = 0 AND f[2] > $hub] AS hx,
     [f IN inner WHERE f[1] = 1 AND f[2] > $hub] AS hy
WITH a, b, fcap, first, length, inner,
     CASE WHEN size(hx) > 0 AND size(hy) > 0
               AND NOT (size(hx) = 1 AND size(hy) = 1 AND hx[0][0] = hy[0][0])
          THEN CASE WHEN reduce(c = 0, f IN hx | c + f[2]) <= reduce(c = 0, f IN hy | c + f[2])
                    THEN 0 ELSE 1 END
          ELSE -1 END AS open
// three hops need only the hops between the two sides: the side with fewer relationships
// among those it would grow is grown alone
WITH a, b, fcap, first, length, inner, open,
     [f IN inner WHERE f[2] <= $hub OR f[1] = open] AS grown
WITH a, b, fcap, first, length, inner, open, grown,
     CASE WHEN length >= 4 THEN -1
          WHEN reduce(c = 0, f IN grown | c + CASE WHEN f[1] = 0 THEN f[2] ELSE 0 END)
               <= reduce(c = 0, f IN grown | c + CASE WHEN f[1] = 1 THEN f[2] ELSE 0 END)
          THEN 0 ELSE 1 END AS alone
WITH a, b, fcap, first, length, inner, alone,
     [f IN grown WHERE alone < 0 OR f[1] = alone] AS grown,
     [f IN inner WHERE f[2] > $hub AND f[1] <> open] AS hubs,
     [f IN grown WHERE alone >= 0 AND f[1] <> alone | [f[0], f[1], f[3]]] AS other
// a hub is looked up from the actors the other side reaches, each look-up several times the
// work of a hop a growth reads: one with at most $into times their relationships is grown
WITH a, b, fcap, first, length, inner, alone, grown, hubs, other,
     [reduce(c = 0, f IN grown | c + CASE WHEN f[1] = 0 THEN f[2] ELSE 0 END),
      reduce(c = 0, f IN grown | c + CASE WHEN f[1] = 1 THEN f[2] ELSE 0 END)] AS work
WITH a, b, fcap, first, length, inner,
     grown + [f IN hubs WHERE alone < 0 AND f[2] <= $into * work[1 - f[1]]] AS grown,
     [f IN hubs WHERE alone >= 0 OR f[2] > $into * work[1 - f[1]] | [f[0], f[1], f[3]]] + other
       AS hubs
// each actor grown once, with the sides it is on (an actor next to both ends once, not once a
// side); what it reaches grouped by the actor reached together with the ends' neighbours
// themselves (a hash aggregation). Only an actor reached with a hop (or a hub to look one up
// from) on each side can be on a path: the others (most of them, next to a hub) go no
// further, and count in `walks` once. The side whose growth reads fewer relationships is
// grown first (`early`, with the actors on both sides); of the other side's rows only those
// reaching an actor the first side reached or one next to its end are grouped (a pair next
// to a hub on each side, the third of the pairs that cost most: most of the bigger hub's
// neighbours are not the other side's; the list searched is the first side's, the smaller),
// unless the first side has a hub looked up (then any actor reached can be on a path)
WITH a, b, fcap, first, length, inner, grown, hubs,
     any(h IN hubs WHERE h[1] = 0) AS h0, any(h IN hubs WHERE h[1] = 1) AS h1
CALL (grown) {
  UNWIND grown AS f
  WITH f[0] AS z, collect(DISTINCT f[1]) AS sides, max(f[2]) AS degree,
       max(CASE WHEN f[1] = 0 THEN f[3] END) AS p0, max(CASE WHEN f[1] = 1 THEN f[3] END) AS p1
  RETURN collect([z, sides, p0, p1, degree]) AS zs
}
WITH a, b, fcap, first, length, inner, hubs, h0, h1, zs,
     CASE WHEN reduce(c = 0, g IN zs | c + CASE WHEN g[1] = [0] THEN g[4] ELSE 0 END)
               <= reduce(c = 0, g IN zs | c + CASE WHEN g[1] = [1] THEN g[4] ELSE 0 END)
          THEN 0 ELSE 1 END AS early
CALL (a, b, inner, zs, early, h0, h1) {
  CALL (a, b, zs, early) {
    UNWIND zs AS g
    WITH a, b, g WHERE early IN g[1]
    WITH a, b, g[0] AS z, g[1] AS sides, g[2] AS p0, g[3] AS p1
    MATCH (z)-[r:{{types}}]-(m:{{Actor}})
    WHERE m <> a AND m <> b AND (NOT $intermediaries_only OR m.intermediary = true)
    WITH z, sides, p0, p1, m, r LIMIT $cap + 1
    // each relationship's properties read once (not once per aggregate below)
    WITH z, sides, p0, p1, m, type(r) IN $both OR startNode(r) = z AS fwd,
         type(r) IN $both OR endNode(r) = z AS back,
         coalesce(r.support, 0.0) AS s, coalesce(r.last_seen, '') AS d
    WITH z, 0 IN sides AS x, 1 IN sides AS y, p0, p1, m, count(*) AS walks,
         max(CASE WHEN fwd THEN s END) AS si, max(CASE WHEN fwd THEN d END) AS di,
         max(CASE WHEN back THEN s END) AS so, max(CASE WHEN back THEN d END) AS do
    RETURN collect([m, walks, CASE WHEN x AND si IS NOT NULL THEN [z, m, si, di, p0 * si] END,
                    CASE WHEN y AND so IS NOT NULL THEN [m, z, so, do, so * p1] END]) AS near
  }
  WITH a, b, inner, zs, early, h0, h1, near,
       CASE WHEN (early = 0 AND h0) OR (early = 1 AND h1) THEN null
            ELSE [w IN near | w[0]] + [f IN inner WHERE f[1] = early | f[0]] END AS reach
  CALL (a, b, zs, early, reach) {
    UNWIND zs AS g
    WITH a, b, reach, g WHERE NOT early IN g[1]
    WITH a, b, reach, g[0] AS z, g[1] AS sides, g[2] AS p0, g[3] AS p1
    MATCH (z)-[r:{{types}}]-(m:{{Actor}})
    WHERE m <> a AND m <> b AND (NOT $intermediaries_only OR m.intermediary = true)
    WITH reach, z, sides, p0, p1, m, r LIMIT $cap + 1
    // every row counted, only those that can be on a path kept (a list, not a grouping)
    WITH count(*) AS walks,
         collect(CASE WHEN reach IS NULL OR m IN reach THEN [z, sides, p0, p1, m, r] END) AS kept
    OPTIONAL CALL (kept) {
      UNWIND kept AS k
      WITH k[0] AS z, k[1] AS sides, k[2] AS p0, k[3] AS p1, k[4] AS m, k[5] AS r
      WITH z, sides, p0, p1, m, type(r) IN $both OR startNode(r) = z AS fwd,
           type(r) IN $both OR endNode(r) = z AS back,
           coalesce(r.support, 0.0) AS s, coalesce(r.last_seen, '') AS d
      WITH z, 0 IN sides AS x, 1 IN sides AS y, p0, p1, m,
           max(CASE WHEN fwd THEN s END) AS si, max(CASE WHEN fwd THEN d END) AS di,
           max(CASE WHEN back THEN s END) AS so, max(CASE WHEN back THEN d END) AS do
      RETURN collect([m, 0, CASE WHEN x AND si IS NOT NULL THEN [z, m, si, di, p0 * si] END,
                      CASE WHEN y AND so IS NOT NULL THEN [m, z, so, do, so * p1] END]) AS far
    }
    RETURN walks AS late, coalesce(far, []) AS far
  }
  CALL (inner, near, far, late) {
    UNWIND near + far AS w
    RETURN w[0] AS m, w[1] AS walks, w[2] AS hin, w[3] AS hout, null AS side
    UNION ALL
    UNWIND inner AS f
    RETURN f[0] AS m, 0 AS walks, null AS hin, null AS hout, f[1] AS side
    UNION ALL
    RETURN null AS m, late AS walks, null AS hin, null AS hout, null AS side
  }
  WITH h0, h1, m, sum(walks) AS walks, collect(hin) AS ins, collect(hout) AS outs,
       collect(side) AS sides
  RETURN sum(walks) AS walks,
         collect(CASE WHEN m IS NOT NULL AND (size(ins) > 0 OR 0 IN sides OR h0)
                           AND (size(outs) > 0 OR 1 IN sides OR h1)
                      THEN [m, ins, outs, sides] END) AS middles
}
// the hops between each actor reached and the hubs, looked up pair by pair where a path could
// use them: a hub of the target's side for an actor reached from the source's side (by
// another actor than that hub) or next to the source, and the reverse (with no hub, no
// look-up runs per actor: two branches); then a third hop joins a neighbour of the source to
// one of the target, and a middle actor of four hops is reached from a neighbour of the
// source and leads to another of the target
CALL (hubs, middles, length) {
  CALL (hubs, middles, length) {
    WITH middles WHERE size(hubs) = 0
    UNWIND middles AS row
    RETURN row[1] AS ins, row[2] AS outs, row[3] AS sides
    UNION ALL
    WITH hubs, middles, length WHERE size(hubs) > 0
    UNWIND middles AS row
    WITH row[0] AS m, row[1] AS ins, row[2] AS outs, row[3] AS sides, hubs, length
    OPTIONAL CALL (m, hubs, ins, outs, sides, length) {
      UNWIND hubs AS h
      WITH m, h[0] AS hn, h[1] AS hs, h[2] AS hp, ins, outs, sides, length
      WHERE hn <> m
        AND CASE WHEN hs = 1 THEN 0 IN sides OR (length >= 4 AND any(i IN ins WHERE i[0] <> hn))
                 ELSE 1 IN sides OR (length >= 4 AND any(o IN outs WHERE o[1] <> hn)) END
      MATCH (m)-[q:{{types}}]-(hn)
      WITH m, hn, hs, hp, type(q) IN $both OR startNode(q) = hn AS fwd,
           type(q) IN $both OR endNode(q) = hn AS back,
           coalesce(q.support, 0.0) AS s, coalesce(q.last_seen, '') AS d
      WITH m, hn, hs, hp,
           max(CASE WHEN fwd THEN s END) AS si, max(CASE WHEN fwd THEN d END) AS di,
           max(CASE WHEN back THEN s END) AS so, max(CASE WHEN back THEN d END) AS do
      RETURN collect(CASE WHEN hs = 0 AND si IS NOT NULL THEN [hn, m, si, di, hp * si] END)
               AS hins,
             collect(CASE WHEN hs = 1 AND so IS NOT NULL THEN [m, hn, so, do, so * hp] END)
               AS houts
    }
    RETURN ins + coalesce(hins, []) AS ins, outs + coalesce(houts, []) AS outs, sides
  }
  // a middle actor next to neither end is on four-hop paths only, each [a, x, m, y, b] with
  // x <> y, of support (a x m) * (m y b): at most `most` (the best in times the best out),
  // and one of them at least `least` (the best in with the best out to another actor, or the
  // reverse). Paths rank by hops, then support: past the $want-th best `least` among them,
  // a middle actor whose `most` is lower has no path among the first $want four-hop paths
  // (each middle actor's paths are its own), so its hops are not returned. Not worked out
  // when there are fewer middle actors than $want (past NEAR_PRUNE the store asks for more
  // than any growth reaches)
  WITH ins, outs, sides, length, length >= 4 AND size(middles) >= $want AS prune
  WITH ins, outs, sides, length, prune,
       CASE WHEN prune AND size(sides) = 0 THEN
         reduce(x = [null, 0.0], i IN ins | CASE WHEN i[4] > x[1] THEN [i[0], i[4]] ELSE x END)
       END AS bi,
       CASE WHEN prune AND size(sides) = 0 THEN
         reduce(x = [null, 0.0], o IN outs | CASE WHEN o[4] > x[1] THEN [o[1], o[4]] ELSE x END)
       END AS bo
  WITH ins, outs, sides, length, prune, bi[1] * bo[1] AS most,
       CASE WHEN bi IS NULL THEN null
            WHEN bi[0] <> bo[0] THEN bi[1] * bo[1]
            ELSE reduce(x = 0.0, e IN [bi[1] * reduce(y = 0.0, o IN outs |
                                           CASE WHEN o[1] <> bi[0] AND o[4] > y THEN o[4] ELSE y END),
                                       bo[1] * reduce(y = 0.0, i IN ins |
                                           CASE WHEN i[0] <> bo[0] AND i[4] > y THEN i[4] ELSE y END)]
                        | CASE WHEN e > x THEN e ELSE x END) END AS least
  WITH length, prune, collect([ins, outs, sides, most, least]) AS rows
  // the $want-th best `least` (widened by 1e-9 against rounding), none when fewer: as a
  // percentile of the values, not by ORDER BY ... SKIP $want - 1 LIMIT 1, which passed the
  // transactions' memory limit on a hub pair once $want was some hundreds (its sort seems to
  // count the list `rows` in each row it keeps)
  OPTIONAL CALL (rows, prune) {
    WITH rows WHERE prune
    UNWIND rows AS row
    WITH row[4] AS least
    WHERE least > 0
    WITH collect(least) AS leasts
    WHERE size(leasts) >= $want
    WITH size(leasts) AS n, leasts
    UNWIND leasts AS least
    WITH n, percentileDisc(least, (n - $want + 0.5) / n) AS least
    RETURN least * (1 - 1e-9) AS floor
  }
  UNWIND rows AS row
  WITH length, row, floor
  WHERE floor IS NULL OR size(row[2]) > 0 OR row[3] >= floor
  WITH length, row[0] AS ins, row[1] AS outs, row[2] AS sides
  UNWIND CASE WHEN 1 IN sides OR (length >= 4 AND size(outs) > 0
                                  AND NOT (size(ins) = 1 AND size(outs) = 1
                                           AND ins[0][0] = outs[0][1]))
              THEN ins ELSE [] END
         + CASE WHEN 0 IN sides OR (length >= 4 AND size(ins) > 0
                                    AND NOT (size(ins) = 1 AND size(outs) = 1
                                             AND ins[0][0] = outs[0][1]))
                THEN outs ELSE [] END AS hop
  RETURN collect(hop) AS middle
}
WITH walks > $cap OR fcap AS capped, length,
     [f IN first WHERE f[1] = 0 | [a, f[0], f[2], f[3]]]
       + [f IN first WHERE f[1] = 1 | [f[0], b, f[2], f[3]]] + middle AS hops
UNWIND (CASE WHEN size(hops) = 0 THEN [null] ELSE [h IN hops | h[0]] + [h IN hops | h[1]] END) AS n
WITH capped, length, hops, collect(DISTINCT n) AS nodes
RETURN capped, length,
       [h IN hops | [h[0].id, h[1].id, h[2], h[3]]] AS hops,
       [n IN nodes | [n.id, n.sort_key]] AS names

// name: paths_bounded
// description: The best paths of exactly {{left}} + {{right}} hops between two actors, ranked
// description: without ranking every walk: {{left}} hops out of the source and {{right}} into the
// description: target are walked from their own ends (at most $half_cap + 1 walks each), grouped
// description: into half-paths (parallel relationships give one, with the best of each hop) and
// description: kept only as the best $keep of each side per middle actor (by the half's support,
// description: recency, names); the kept halves of each middle actor are joined, the simple paths
// description: among them ranked as paths says, and the first $limit returned. Each middle actor
// description: whose halves were not all kept bounds what the join may have missed: a path with an
// description: unkept half has support at most (the last kept half's support) x (the other side's
// description: best), `bound` is the largest such product (widened by 1e-9 against rounding; -1
// description: when nothing was left out), so every returned row whose support exceeds `bound` is
// description: exactly where the full ranking puts it. `capped` is true when a side had more walks
// description: than $half_cap (then nothing is certain). One row: capped, bound, rows.
// params: source, target, both, forward, intermediaries_only, limit, keep, half_cap
// slots: left, right, types
// mode: read
MATCH (a:{{Actor}} {id: $source}), (b:{{Actor}} {id: $target})
CALL (a, b) {
  MATCH p = (a)
            ((x:{{Actor}})-[r:{{types}}]-(y:{{Actor}})
               WHERE (type(r) IN $both OR (type(r) IN $forward AND startNode(r) = x))
                 AND (NOT $intermediaries_only OR y.intermediary = true)
            ){{{left}}}
            (m:{{Actor}})
  WITH b, p LIMIT $half_cap + 1
  WITH nodes(p) AS ns, relationships(p) AS rs,
       NOT b IN nodes(p) AND all(n IN nodes(p) WHERE single(o IN nodes(p) WHERE o = n)) AS ok
  WITH ok, ns,
       [rel IN rs | 1.0 - reduce(miss = 1.0, i IN range(1, CASE WHEN size(rel.sources) > 20
                                                          THEN 20 ELSE size(rel.sources) END) |
         miss * (1.0 - CASE WHEN rel.confidence < 0.95 THEN rel.confidence ELSE 0.95 END))] AS hs,
       [rel IN rs | coalesce(rel.last_seen, '')] AS hd
  WITH ok, ns, collect(hs) AS hss, collect(hd) AS hds, count(*) AS walks
  WITH ok, walks, ns,
       [i IN range(0, size(ns) - 2) | reduce(x = 0.0, h IN hss | CASE WHEN h[i] > x THEN h[i] ELSE x END)] AS hs,
       [i IN range(0, size(ns) - 2) | reduce(x = '', h IN hds | CASE WHEN h[i] > x THEN h[i] ELSE x END)] AS hd
  WITH ok, walks, ns[-1] AS m, [n IN ns | n.id] AS ids, [n IN ns | n.sort_key] AS names, hs, hd,
       reduce(s = 1.0, h IN hs | s * h) AS sup,
       reduce(d = '\uffff', h IN hd | CASE WHEN h < d THEN h ELSE d END) AS rec
  ORDER BY sup DESC, rec DESC, names
  WITH m, sum(walks) AS walks,
       collect(CASE WHEN ok THEN {ids: ids, names: names, hs: hs, hd: hd, sup: sup} END) AS halves
  RETURN sum(walks) AS left_walks,
         collect(CASE WHEN size(halves) > 0
                 THEN {m: m, side: 0, kept: halves[0..$keep], more: size(halves) > $keep} END) AS lefts
}
CALL (a, b) {
  MATCH p = (m:{{Actor}})
            ((u:{{Actor}})-[q:{{types}}]-(v:{{Actor}})
               WHERE (type(q) IN $both OR (type(q) IN $forward AND startNode(q) = u))
                 AND (NOT $intermediaries_only OR v.id = $target OR v.intermediary = true)
            ){{{right}}}
            (b)
  WITH a, p LIMIT $half_cap + 1
  WITH nodes(p) AS ns, relationships(p) AS rs,
       NOT a IN nodes(p) AND (NOT $intermediaries_only OR nodes(p)[0].intermediary = true)
    AND all(n IN nodes(p) WHERE single(o IN nodes(p) WHERE o = n)) AS ok
  WITH ok, ns,
       [rel IN rs | 1.0 - reduce(miss = 1.0, i IN range(1, CASE WHEN size(rel.sources) > 20
                                                          THEN 20 ELSE size(rel.sources) END) |
         miss * (1.0 - CASE WHEN rel.confidence < 0.95 THEN rel.confidence ELSE 0.95 END))] AS hs,
       [rel IN rs | coalesce(rel.last_seen, '')] AS hd
  WITH ok, ns, collect(hs) AS hss, collect(hd) AS hds, count(*) AS walks
  WITH ok, walks, ns,
       [i IN range(0, size(ns) - 2) | reduce(x = 0.0, h IN hss | CASE WHEN h[i] > x THEN h[i] ELSE x END)] AS hs,
       [i IN range(0, size(ns) - 2) | reduce(x = '', h IN hds | CASE WHEN h[i] > x THEN h[i] ELSE x END)] AS hd
  WITH ok, walks, ns[0] AS m, [n IN ns | n.id] AS ids, [n IN ns | n.sort_key] AS names, hs, hd,
       reduce(s = 1.0, h IN hs | s * h) AS sup,
       reduce(d = '\uffff', h IN hd | CASE WHEN h < d THEN h ELSE d END) AS rec
  ORDER BY sup DESC, rec DESC, names
  WITH m, sum(walks) AS walks,
       collect(CASE WHEN ok THEN {ids: ids, names: names, hs: hs, hd: hd, sup: sup} END) AS halves
  RETURN sum(walks) AS right_walks,
         collect(CASE WHEN size(halves) > 0
                 THEN {m: m, side: 1, kept: halves[0..$keep], more: size(halves) > $keep} END) AS rights
}
WITH left_walks > $half_cap OR right_walks > $half_cap AS capped, lefts + rights AS sides
CALL (sides) {
  UNWIND sides AS half
  WITH half.m AS m, collect(half) AS two
  WHERE size(two) = 2
  WITH [h IN two WHERE h.side = 0][0] AS l, [h IN two WHERE h.side = 1][0] AS r
  WITH l.kept AS lk, r.kept AS rk,
       CASE WHEN l.more THEN l.kept[-1].sup * r.kept[0].sup * 1.000000001 ELSE -1.0 END AS lb,
       CASE WHEN r.more THEN l.kept[0].sup * r.kept[-1].sup * 1.000000001 ELSE -1.0 END AS rb
  RETURN collect([lk, rk]) AS pairs,
         coalesce(max(CASE WHEN lb > rb THEN lb ELSE rb END), -1.0) AS bound
}
CALL (pairs) {
  UNWIND pairs AS pair
  UNWIND pair[0] AS lh
  UNWIND pair[1] AS rh
  WITH lh, rh WHERE none(i IN rh.ids[1..] WHERE i IN lh.ids)
  WITH lh.ids + rh.ids[1..] AS ids, lh.names + rh.names[1..] AS names,
       reduce(s = 1.0, h IN lh.hs + rh.hs | s * h) AS support,
       reduce(d = '\uffff', h IN lh.hd + rh.hd | CASE WHEN h < d THEN h ELSE d END) AS last_seen
  ORDER BY support DESC, last_seen DESC, names
  WITH collect([ids, size(ids) - 1, support, last_seen]) AS found
  RETURN found[0..$limit] AS rows
}
RETURN capped, bound, rows

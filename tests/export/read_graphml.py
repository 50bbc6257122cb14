#!/usr/bin/python3
"""Reads a kg GraphML export with networkx (a real GraphML client) and prints what the C++
test compares, as JSON: counts, node labels and types, and each edge's label, relation,
weight and sources, with node labels for its ends. Run with Debian's /usr/bin/python3, which
has python3-networkx."""

import json
import sys

import networkx as nx

g = nx.read_graphml(sys.argv[1], force_multigraph=True)
out = {
    "directed": g.is_directed(),
    "multigraph": g.is_multigraph(),
    "nodes": g.number_of_nodes(),
    "edges": g.number_of_edges(),
    "labels": sorted(d["label"] for _, d in g.nodes(data=True)),
    "types": sorted(d["type"] for _, d in g.nodes(data=True)),
    "aliases": sorted(a for _, d in g.nodes(data=True) for a in json.loads(d["aliases"])),
    "facts": sorted(
        [g.nodes[u]["label"], d["relation"], g.nodes[v]["label"], d["weight"], d["negated"],
         json.loads(d["sources"])]
        for u, v, d in g.edges(data=True)),
}
print(json.dumps(out, ensure_ascii=False, sort_keys=True))

#include "export/merge.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <filesystem>
#include <numeric>
#include <optional>
#include <thread>
#include <utility>

#include "export/store.h"
#include "extract/error.h"
#include "extract/map_format.h"
#include "graph/knowledge_graph.h"

namespace kg::exporter {

using extract::DocumentResult;

namespace {

// The records of one map file, with the line each came from.
struct MapContents {
  std::string path;  // as the reader names it in messages
  std::vector<DocumentResult> records;
  std::vector<uint64_t> lines;
  std::exception_ptr error;
};

// Reads the map files, two at a time on two threads: parsing is an eighth of a merge and the
// machine kg is measured on has two cores. The result is in file order, and the error thrown
// is the one of the first bad file in order, as if they had been read one after the other.
// Standard input ("-") is read on one thread.
std::vector<MapContents> read_maps(const std::vector<std::string>& files) {
  std::vector<MapContents> out(files.size());
  std::atomic<size_t> next{0};
  std::atomic<size_t> first_error{files.size()};
  auto work = [&] {
    for (size_t i = next++; i < files.size() && i < first_error; i = next++) {
      try {
        extract::MapReader reader(files[i]);
        out[i].path = reader.path();
        DocumentResult record;
        while (reader.next(record)) {
          out[i].records.push_back(std::move(record));
          out[i].lines.push_back(reader.line_number());
          record = DocumentResult{};
        }
      } catch (...) {
        out[i].error = std::current_exception();
        for (size_t seen = first_error; i < seen && !first_error.compare_exchange_weak(seen, i);) {
        }
      }
    }
  };
  const bool stdin_used = std::find(files.begin(), files.end(), "-") != files.end();
  if (files.size() > 1 && !stdin_used) {
    std::thread helper(work);
    work();
    helper.join();
  } else {
    work();
  }
  for (const MapContents& contents : out) {
    if (contents.error) std::rethrow_exception(contents.error);
  }
  return out;
}

// Two records are the same document when their map records are identical (tokens aside).
bool same_content(const DocumentResult& a, const DocumentResult& b) {
  std::string x;
  std::string y;
  extract::append_map_record(a, x);
  extract::append_map_record(b, y);
  return x == y;
}

}  // namespace

MergeReport merge_maps(const std::vector<std::string>& map_files, const std::string& db_path,
                       const MergeOptions& options) {
  auto stage = [&](std::string_view what) {
    if (options.on_stage) options.on_stage(what);
  };
  if (map_files.empty()) throw InputError("no map files given");
  // Open the existing database first: a bad one is reported before reading big inputs.
  std::optional<Store> store;
  std::error_code ec;
  if (std::filesystem::exists(db_path, ec)) store = Store::open(db_path);

  std::vector<DocumentResult> incoming;
  std::vector<std::string> origin;  // file:line of each incoming record
  stage("reading " + std::to_string(map_files.size()) + " map file(s)");
  std::vector<MapContents> contents_of_files = read_maps(map_files);
  size_t total = 0;
  for (const MapContents& contents : contents_of_files) total += contents.records.size();
  incoming.reserve(total);
  origin.reserve(total);
  for (MapContents& contents : contents_of_files) {
    for (size_t i = 0; i < contents.records.size(); ++i) {
      incoming.push_back(std::move(contents.records[i]));
      origin.push_back(contents.path + ":" + std::to_string(contents.lines[i]));
    }
    contents = MapContents{};
  }
  if (incoming.empty()) {
    std::string names;
    for (const std::string& f : map_files) names += (names.empty() ? "" : ", ") + f;
    throw InputError("no documents in " + names + " (empty input)");
  }
  store.reset();
  return merge_documents(std::move(incoming), std::move(origin), db_path, options);
}

MergeReport merge_documents(std::vector<DocumentResult> incoming, std::vector<std::string> origin,
                            const std::string& db_path, const MergeOptions& options) {
  auto stage = [&](std::string_view what) {
    if (options.on_stage) options.on_stage(what);
  };
  if (incoming.empty()) throw InputError("no documents to store (empty input)");
  origin.resize(incoming.size());
  std::optional<Store> store;
  std::error_code ec;
  if (std::filesystem::exists(db_path, ec)) store = Store::open(db_path);
  MergeReport report;
  report.records = incoming.size();

  // Incoming records by id; repeats must be identical.
  std::vector<size_t> order(incoming.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return incoming[a].document.id < incoming[b].document.id;
  });
  std::vector<DocumentResult> fresh;
  std::vector<std::string> fresh_origin;
  std::vector<bool> keep(incoming.size(), false);
  size_t group = 0;  // the first record of the current id
  for (size_t k = 0; k < order.size(); ++k) {
    const size_t i = order[k];
    if (k > 0 && incoming[group].document.id == incoming[i].document.id) {
      if (!same_content(incoming[group], incoming[i])) {
        throw InputError(origin[i] + ": document '" + incoming[i].document.id +
                         "' was already given at " + origin[group] +
                         " with different content; give each document id once");
      }
      report.repeated.push_back(incoming[i].document.id);
      continue;
    }
    group = i;
    keep[i] = true;
  }
  for (size_t i : order) {
    if (!keep[i]) continue;
    fresh_origin.push_back(std::move(origin[i]));
    fresh.push_back(std::move(incoming[i]));
  }
  incoming.clear();

  // Combine with the stored documents.
  std::vector<DocumentResult> stored;
  if (store) {
    stage("reading " + db_path);
    stored = read_documents(*store);
  }
  std::vector<DocumentResult> all;
  all.reserve(stored.size() + fresh.size());
  size_t s = 0;
  for (size_t f = 0; f < fresh.size(); ++f) {
    while (s < stored.size() && stored[s].document.id < fresh[f].document.id) {
      all.push_back(std::move(stored[s++]));
    }
    if (s < stored.size() && stored[s].document.id == fresh[f].document.id) {
      const std::string& id = fresh[f].document.id;
      if (same_content(stored[s], fresh[f])) {
        report.unchanged.push_back(id);
        all.push_back(std::move(stored[s++]));
        continue;
      }
      if (!options.replace) {
        throw InputError(fresh_origin[f] + ": document '" + id + "' is already in " + db_path +
                         " with different content; use --replace to replace it");
      }
      report.replaced.push_back(id);
      ++s;
    } else {
      report.added.push_back(fresh[f].document.id);
    }
    all.push_back(std::move(fresh[f]));
  }
  while (s < stored.size()) all.push_back(std::move(stored[s++]));
  fresh.clear();
  stored.clear();

  report.documents = all.size();
  if (report.added.empty() && report.replaced.empty()) {
    if (store) {
      const graph::KnowledgeGraph g =
          load_graph(*store, LoadOptions{.attributes = false, .text = false, .topology = false});
      report.nodes = g.nodes.size();
      report.edges = g.edges.size();
    }
    return report;
  }
  store.reset();
  WriteOptions write;
  write.on_stage = [&](std::string_view what) {
    stage(what == "documents" ? "writing documents (resolving entities and building the graph "
                                "on a second thread)"
                              : "writing " + std::string(what));
  };
  // The graph does not depend on the per-document tables, so it is built while they are
  // written: on two cores that hides most of its time.
  const graph::KnowledgeGraph g = write_store(
      db_path, all,
      [&] {
        return graph::build_graph(
            all, graph::BuildOptions{.copy_texts = false, .topology = false, .parallel = true});
      },
      write);
  report.nodes = g.nodes.size();
  report.edges = g.edges.size();
  stage("done");
  report.written = true;
  return report;
}

}  // namespace kg::exporter

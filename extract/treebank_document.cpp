#include "extract/treebank_document.h"

namespace kg::extract {

namespace {

// Appends the sentence's surface text to `text`, setting every span on the way.
void place(Sentence& s, std::string& text) {
  const uint32_t start = static_cast<uint32_t>(text.size());
  size_t m = 0;
  const int n = static_cast<int>(s.tokens.size());
  for (int i = 0; i < n;) {
    bool space = true;
    if (m < s.multiword.size() && s.multiword[m].first == i + 1) {
      MultiwordToken& mwt = s.multiword[m++];
      const uint32_t begin = static_cast<uint32_t>(text.size());
      text += mwt.form;
      mwt.span = {begin, static_cast<uint32_t>(text.size())};
      // The words of a multiword token share its span (sentence.h).
      for (int w = mwt.first; w <= mwt.last; ++w) s.tokens[w - 1].span = mwt.span;
      space = mwt.space_after;
      i = mwt.last;
    } else {
      const uint32_t begin = static_cast<uint32_t>(text.size());
      text += s.tokens[i].form;
      s.tokens[i].span = {begin, static_cast<uint32_t>(text.size())};
      space = s.tokens[i].space_after;
      ++i;
    }
    if (space && i < n) text += ' ';
  }
  s.span = {start, static_cast<uint32_t>(text.size())};
}

}  // namespace

std::vector<Document> documents_from_treebank(std::vector<TreebankSentence> sentences,
                                              bool split_documents) {
  std::vector<Document> docs;
  for (TreebankSentence& ts : sentences) {
    if (docs.empty() || (split_documents && ts.document_start)) {
      Document d;
      d.id = ts.document.empty() ? "doc" + std::to_string(docs.size() + 1) : ts.document;
      d.name = d.id;
      docs.push_back(std::move(d));
    }
    Document& d = docs.back();
    if (!d.text.empty()) d.text += ts.sentence.paragraph_start ? "\n\n" : "\n";
    const uint32_t paragraph_start = static_cast<uint32_t>(d.text.size());
    place(ts.sentence, d.text);
    if (d.paragraphs.empty() || ts.sentence.paragraph_start) {
      d.paragraphs.push_back({paragraph_start, ts.sentence.span.end});
      ts.sentence.paragraph_start = true;
    } else {
      d.paragraphs.back().end = ts.sentence.span.end;
    }
    d.sentences.push_back(std::move(ts.sentence));
  }
  return docs;
}

}  // namespace kg::extract

#include "extract/treebank_text.h"

namespace kg::extract {

namespace {

// Appends the sentence's surface tokens to `text`, setting every word's span (the span of
// its surface token for the words of a multiword token) and the sentence span.
void append_sentence(Sentence& s, std::string& text) {
  size_t m = 0;
  const int n = static_cast<int>(s.tokens.size());
  const auto start = static_cast<uint32_t>(text.size());
  for (int i = 0; i < n;) {
    const auto token_start = static_cast<uint32_t>(text.size());
    if (m < s.multiword.size() && s.multiword[m].first == i + 1) {
      MultiwordToken& mwt = s.multiword[m++];
      text += mwt.form;
      mwt.span = {token_start, static_cast<uint32_t>(text.size())};
      for (int k = mwt.first; k <= mwt.last; ++k) s.tokens[k - 1].span = mwt.span;
      i = mwt.last;
      if (mwt.space_after && i < n) text += ' ';
    } else {
      Token& t = s.tokens[i];
      text += t.form;
      t.span = {token_start, static_cast<uint32_t>(text.size())};
      ++i;
      if (t.space_after && i < n) text += ' ';
    }
  }
  s.span = {start, static_cast<uint32_t>(text.size())};
}

}  // namespace

std::vector<TreebankDocument> treebank_documents(const std::vector<TreebankSentence>& sentences) {
  std::vector<TreebankDocument> docs;
  bool last_space_after = true;
  for (const TreebankSentence& ts : sentences) {
    const bool new_doc = docs.empty() || ts.document_start ||
                         ts.document != docs.back().document.id;
    if (new_doc) {
      docs.emplace_back();
      docs.back().document.id = ts.document;
      docs.back().document.cleaned = true;
    }
    TreebankDocument& d = docs.back();
    std::string& text = d.document.text;
    const bool new_paragraph = new_doc || ts.sentence.paragraph_start;
    if (new_paragraph) {
      if (!d.document.paragraphs.empty()) {
        d.document.paragraphs.back().end = d.gold.back().span.end;
        text += "\n\n";
      }
      d.document.paragraphs.push_back({static_cast<uint32_t>(text.size()), 0});
    } else if (last_space_after) {
      text += ' ';
    }
    Sentence s = ts.sentence;
    s.paragraph_start = new_paragraph;
    append_sentence(s, text);
    const bool mwt_last = !s.multiword.empty() &&
                          s.multiword.back().last == static_cast<int>(s.tokens.size());
    last_space_after = mwt_last ? s.multiword.back().space_after : s.tokens.back().space_after;
    d.gold.push_back(std::move(s));
  }
  for (TreebankDocument& d : docs) {
    if (!d.document.paragraphs.empty()) d.document.paragraphs.back().end = d.gold.back().span.end;
  }
  return docs;
}

}  // namespace kg::extract

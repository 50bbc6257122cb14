#pragma once
// EnumNames: the one to/from-string table behind each closed set (tags, link rules, ...).

#include <algorithm>
#include <array>
#include <cstddef>
#include <optional>
#include <string_view>
#include <utility>

namespace kg::extract {

// Names of the enumerators 0..N-1 of Enum, with O(1) to_string and O(log N) parse.
template <typename Enum, size_t N>
class EnumNames {
 public:
  explicit constexpr EnumNames(std::array<std::string_view, N> names) : names_(names) {
    for (size_t i = 0; i < N; ++i) sorted_[i] = {names_[i], static_cast<int>(i)};
    std::sort(sorted_.begin(), sorted_.end());
  }

  std::string_view name(Enum value) const { return names_[static_cast<size_t>(value)]; }

  std::optional<Enum> parse(std::string_view text) const {
    auto it = std::lower_bound(sorted_.begin(), sorted_.end(),
                               std::pair<std::string_view, int>{text, -1});
    if (it == sorted_.end() || it->first != text) return std::nullopt;
    return static_cast<Enum>(it->second);
  }

 private:
  std::array<std::string_view, N> names_;
  std::array<std::pair<std::string_view, int>, N> sorted_{};
};

}  // namespace kg::extract

// Builds the EnumNames of an X-macro list: KG_ENUM_NAMES(Upos, KG_UPOS_TAGS).
#define KG_ENUM_NAME_TEXT(name, text) text,
#define KG_ENUM_NAME_COUNT(name, text) +1
#define KG_ENUM_NAMES(Enum, LIST)                                              \
  ::kg::extract::EnumNames<Enum, 0 LIST(KG_ENUM_NAME_COUNT)>(                  \
      std::array<std::string_view, 0 LIST(KG_ENUM_NAME_COUNT)>{LIST(KG_ENUM_NAME_TEXT)})

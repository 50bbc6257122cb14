#include "extract/cleaner.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <set>

namespace kg::extract {
namespace {

std::vector<std::string> paragraphs_of(const Document& doc) {
  std::vector<std::string> out;
  for (const Span& p : doc.paragraphs) out.push_back(doc.text.substr(p.start, p.size()));
  return out;
}

Document doc_of(std::string text) {
  Document d;
  d.text = std::move(text);
  return d;
}

// Per pattern family: lines it must drop, and ordinary sentences near them that must stay.
struct PatternCase {
  std::vector<std::string> dropped;
  std::vector<std::string> kept;
};

const std::map<std::string, PatternCase>& pattern_cases() {
  static const std::map<std::string, PatternCase> cases = {
      {"read-more",
       {{"Read Also: Study Reveals Alarming Presence of PFAS in US Tap Water",
         "READ MORE: Biden meets Zelensky", "Related: Five things to know", "Read more \xC2\xBB",
         "See also: Ukraine war live", "Related Articles"},
        {"Read more about the program in the report, the official said.",
         "Related talks were held in Geneva last year, according to the sources."}}},
      {"share",
       {{"Share This", "Share on Facebook", "Share on Twitter Share via Email", "Share this:",
         "Facebook Twitter WhatsApp Email", "Print"},
        {"Shares of the company fell 5% on Monday.",
         "Facebook and Twitter removed the posts within hours."}}},
      {"comments",
       {{"Leave a Reply", "Leave a Reply Cancel reply",
         "Your email address will not be published. Required fields are marked *", "Comments"},
        {"He did not leave a reply to our questions before the deadline passed last week.",
         "The comments drew criticism from both parties in Congress."}}},
      {"copyright",
       {{"Copyright 2023,", "\xC2\xA9 2023 NBC Universal", "Copyright \xC2\xA9 Reuters",
         "(c) 2024 The Associated Press", "All Rights Reserved."},
        {"Copyright law in the United States was rewritten in 1976 after years of debate.",
         "The copyright dispute was settled."}}},
      {"source",
       {{"Source: msn.com3", "Source: NBC News", "Sources: AP, Reuters",
         "The post Talks resume appeared first on Daily News.",
         "This article originally appeared on The Conversation."},
        {"The source said the meeting lasted several hours and ended without agreement.",
         "Sources familiar with the discussions told NBC News that talks took place."}}},
      {"donation",
       {{"Support Us", "Donate now", "Journalists fight on their own frontline. Support "
                                     "Ukrainska Pravda or become our patron!",
         "Please support our journalism: subscribe today.", "Make a donation"},
        {"He pledged to donate his salary to the veterans' charity he founded in 2009.",
         "Donors support the foundation's work in Kyiv."}}},
      {"newsletter",
       {{"Subscribe to our newsletter", "Sign up for our daily newsletter",
         "Get the latest headlines delivered to your inbox", "Subscribe"},
        {"More than a million readers subscribe to the paper's print edition each week."}}},
      {"cookies",
       {{"We use cookies to improve your experience. By continuing to use this site you accept "
         "our cookie policy.",
         "Privacy Policy | Terms of Use"},
        {"The company was fined for tracking users without consent, regulators said on "
         "Tuesday, citing its privacy policy."}}},
      {"advertisement",
       {{"Advertisement", "ADVERTISEMENT", "Story continues below advertisement",
         "Sponsored content"},
        {"The advertisement campaign cost the party more than $2 million in the final weeks."}}},
      {"click-here",
       {{"Click here", "Click here to read the full report"},
        {"Users who click on the link are sent to a fake bank page, police said."}}},
      {"photo-credit",
       {{"Photo: Getty Images", "Photo by Mikhail Metzel/TASS", "Image: Reuters",
         "(AP Photo/Evan Vucci)", "Sergey Lavrov. Getty Images"},
        {"Photos of the meeting were published by the Russian foreign ministry on Friday "
         "morning."}}},
      {"follow-us",
       {{"Follow us on Twitter and Facebook", "Join our Telegram channel"},
        {"Officials will follow the talks closely, the spokesman told reporters on Monday."}}},
      {"navigation",
       {{"Home", "Skip to main content", "Back to top", "Menu"},
        {"Home prices rose 3% in June.", "Next, the ministers met in Ankara."}}},
      {"tags",
       {{"Tags: Ukraine, Russia, diplomacy", "Filed under: World"},
        {"Tags on the crates showed they came from a warehouse in Rostov."}}},
      {"reporting-credit",
       {{"(Reporting by Jonathan Landay; Editing by Grant McCool)",
         "Additional reporting by Anna Smith"},
        {"Reporting by The Washington Post revealed the trip in May of last year."}}},
      {"punctuation-only", {{", , , ,", "* * *", "\xE2\x80\x94", "\xE2\x80\xA2 \xE2\x80\xA2"},
                            {"2023", "Kyiv."}}},
      {"url-slug",
       {{"Ex-us-officials-and-russians-discuss-ukraine-conflict",
         "former_us_officials_russia_talks"},
        {"Russian-held", "Ex-US Officials And Russians Discuss Ukraine Conflict"}}},
      {"url", {{"https://www.nbcnews.com/politics/ukraine-talks", "www.example.com/a"},
               {"The site www.example.com was taken down on Monday."}}},
      {"dateline",
       {{"Thursday, 6 July 2023, 16:19", "Updated: 10:45 AM EDT, July 6, 2023",
         "July 6, 2023", "2023-07-06 14:00 UTC"},
        {"Thursday, July 6, was the hottest day on record.", "May 2023 was warm."}}},
      {"byline",
       {{"By John Smith", "By JOHN SMITH and JANE DOE", "By The Associated Press"},
        {"By then, the talks had ended.", "By Monday the ministers had left."}}},
  };
  return cases;
}

TEST(CleanerPatterns, EveryPatternFamilyHasCases) {
  std::set<std::string> families;
  for (const BoilerplatePattern& p : Cleaner::patterns()) families.insert(std::string(p.name));
  for (const BoilerplateRule& r : Cleaner::rules()) {
    EXPECT_TRUE(families.count(std::string(r.pattern))) << r.pattern << " has no description";
  }
  for (const std::string& f : families) {
    EXPECT_TRUE(pattern_cases().count(f)) << f << " has no test cases";
    EXPECT_FALSE(f.empty());
  }
}

TEST(CleanerPatterns, EachPatternDropsItsExamples) {
  for (const auto& [pattern, cases] : pattern_cases()) {
    for (const std::string& line : cases.dropped) {
      EXPECT_EQ(Cleaner::match_line(line), pattern) << "line: " << line;
    }
  }
}

TEST(CleanerPatterns, OrdinarySentencesNearEachPatternAreKept) {
  for (const auto& [pattern, cases] : pattern_cases()) {
    for (const std::string& line : cases.kept) {
      EXPECT_EQ(Cleaner::match_line(line), "") << "pattern " << pattern << ", line: " << line;
    }
  }
}

TEST(CleanerPatterns, NewsSentencesAreKept) {
  for (const char* line : {
           "Former U.S. officials held secret talks with Russians close to the Kremlin.",
           "\xE2\x80\x9CThe fate of Ukraine cannot be decided without Ukraine,\xE2\x80\x9D the "
           "official said.",
           "Lavrov met with former diplomat Richard Haass in April.",
           "Source code for the app was published on GitHub.",
           "Photos show the damage.",
           "The vote is scheduled for Thursday.",
       }) {
    EXPECT_EQ(Cleaner::match_line(line), "") << line;
  }
}

TEST(CleanerNormalise, FoldsCaseSpacesQuotesAndDashes) {
  EXPECT_EQ(Cleaner::normalise("  Read\xC2\xA0\xC2\xA0" "ALSO :\t\xE2\x80\x9CX\xE2\x80\x9D \xE2\x80\x94 "
                               "Y\xE2\x80\x99s  "),
            "read also: \"x\" - y's");
  EXPECT_EQ(Cleaner::normalise("\xD0\x9A\xD0\xB8\xD0\x87\xD0\x92"), "\xD0\xBA\xD0\xB8\xD1\x97\xD0\xB2");
}

// --- Paragraphs and offsets ---

TEST(CleanerParagraphs, BlankLinesSeparateParagraphsAndSpansPointIntoTheText) {
  Document d = doc_of("First one.\n\n   Second one, indented.  \n\n\nThird.");
  Cleaner().clean(d);
  EXPECT_THAT(paragraphs_of(d),
              ::testing::ElementsAre("First one.", "Second one, indented.", "Third."));
  EXPECT_EQ(d.paragraphs[1].start, 15u);
}

TEST(CleanerParagraphs, HeadlineLinesAreSeparateParagraphs) {
  Document d = doc_of("Thursday talks\nFormer officials met in April.\nPhoto caption here");
  Cleaner().clean(d);
  EXPECT_THAT(paragraphs_of(d), ::testing::ElementsAre("Thursday talks",
                                                       "Former officials met in April.",
                                                       "Photo caption here"));
}

TEST(CleanerParagraphs, AMidSentenceBreakBeforeALowerCaseWordContinues) {
  Document d = doc_of("The former officials who took part in the meeting with\nthe minister "
                      "later briefed the council.\nNext paragraph.");
  Cleaner().clean(d);
  EXPECT_THAT(paragraphs_of(d),
              ::testing::ElementsAre("The former officials who took part in the meeting with\n"
                                     "the minister later briefed the council.",
                                     "Next paragraph."));
}

TEST(CleanerParagraphs, HardWrappedProseIsOneParagraph) {
  const std::string wrapped =
      "Former senior national security officials have been holding secret\n"
      "talks with key Russians said to be close to the Kremlin, including\n"
      "in one case the foreign minister, in hopes of preparing for talks\n"
      "that could end the war.\n"
      "A short line.";
  Document d = doc_of(wrapped);
  Cleaner().clean(d);
  ASSERT_EQ(d.paragraphs.size(), 2u);
  EXPECT_EQ(paragraphs_of(d)[0], wrapped.substr(0, wrapped.find("\nA short")));
}

TEST(CleanerParagraphs, CrlfAndLoneCrEndLines) {
  Document d = doc_of("Title line\r\n\r\nBody one.\rBody two.\r\n");
  Cleaner().clean(d);
  EXPECT_THAT(paragraphs_of(d), ::testing::ElementsAre("Title line", "Body one.", "Body two."));
}

TEST(CleanerParagraphs, UnicodeSpacesAreTrimmed) {
  Document d = doc_of("\xC2\xA0\xE2\x80\x83Text here.\xE2\x80\x8B\xC2\xA0\n\xC2\xA0\nMore text.");
  Cleaner().clean(d);
  EXPECT_THAT(paragraphs_of(d), ::testing::ElementsAre("Text here.", "More text."));
}

TEST(CleanerDrop, BoilerplateLinesAreReportedWithTheirPattern) {
  Document d = doc_of("Body text here.\n\nRead Also: Other story\n\nShare This\n");
  const auto dropped = Cleaner().clean(d);
  EXPECT_THAT(paragraphs_of(d), ::testing::ElementsAre("Body text here."));
  ASSERT_EQ(dropped.size(), 2u);
  EXPECT_EQ(dropped[0].pattern, "read-more");
  EXPECT_EQ(d.text.substr(dropped[0].span.start, dropped[0].span.size()), "Read Also: Other story");
  EXPECT_EQ(dropped[1].pattern, "share");
}

TEST(CleanerDrop, BoilerplateLineSplitsABlock) {
  Document d = doc_of("Kept line one.\nAdvertisement\nKept line two.");
  Cleaner().clean(d);
  EXPECT_THAT(paragraphs_of(d), ::testing::ElementsAre("Kept line one.", "Kept line two."));
}

TEST(CleanerDrop, RepeatedParagraphsAreDroppedAfterTheFirst) {
  Document d = doc_of("Lead paragraph, said Lavrov.  \n\nOther.\n\nlead  paragraph, said "
                      "LAVROV.\n\nOther.");
  const auto dropped = Cleaner().clean(d);
  EXPECT_THAT(paragraphs_of(d), ::testing::ElementsAre("Lead paragraph, said Lavrov.", "Other."));
  ASSERT_EQ(dropped.size(), 2u);
  EXPECT_EQ(dropped[0].pattern, "duplicate");
  EXPECT_EQ(dropped[0].span.start, 40u);
}

TEST(CleanerDrop, OptionsTurnDroppingOff) {
  Document d = doc_of("Share This\n\nText.\n\nText.");
  CleanOptions options;
  options.drop_boilerplate = false;
  options.drop_duplicates = false;
  EXPECT_TRUE(Cleaner(options).clean(d).empty());
  EXPECT_EQ(d.paragraphs.size(), 3u);
}

TEST(CleanerDrop, PureBoilerplateLeavesNoParagraphsButMarksTheDocument) {
  Document d = doc_of("Share This\nLeave a Reply\n");
  Cleaner().clean(d);
  EXPECT_TRUE(d.paragraphs.empty());
  EXPECT_TRUE(d.cleaned);
}

TEST(CleanerTitle, FirstShortLineBecomesTheTitle) {
  Document d = doc_of("Ex-US Officials And Russians Discuss Ukraine\n\nBody text follows here.");
  Cleaner().clean(d);
  EXPECT_EQ(d.title, "Ex-US Officials And Russians Discuss Ukraine");
  EXPECT_EQ(d.paragraphs.size(), 2u);  // the headline is still text to read
}

TEST(CleanerTitle, NoTitleFromASentenceOrAGivenTitle) {
  Document a = doc_of("Officials met in April.\n\nMore text.");
  Cleaner().clean(a);
  EXPECT_EQ(a.title, "");
  Document b = doc_of("Headline here\n\nMore text.");
  b.title = "Given";
  Cleaner().clean(b);
  EXPECT_EQ(b.title, "Given");
  Document c = doc_of("Only a headline");
  Cleaner().clean(c);
  EXPECT_EQ(c.title, "");
}

TEST(CleanerScale, ALongLineIsHandledInLinearTime) {
  std::string line;
  while (line.size() < (8u << 20)) line += "copyright donate share ";
  Document d = doc_of(line + "\n\n" + line);
  const auto dropped = Cleaner().clean(d);
  ASSERT_EQ(d.paragraphs.size(), 1u);
  EXPECT_EQ(d.paragraphs[0].size(), line.size() - 1);  // trailing space trimmed
  ASSERT_EQ(dropped.size(), 1u);
  EXPECT_EQ(dropped[0].pattern, "duplicate");
}

TEST(CleanerScale, OnlyEmojiOrOtherScriptsAreKept) {
  Document d = doc_of("\xF0\x9F\x98\x80\xF0\x9F\x98\x80\n\n\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5"
                      "\xD1\x82\n\n\xE4\xBD\xA0\xE5\xA5\xBD");
  Cleaner().clean(d);
  EXPECT_EQ(d.paragraphs.size(), 3u);
}

}  // namespace
}  // namespace kg::extract

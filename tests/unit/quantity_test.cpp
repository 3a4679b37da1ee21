// The number grammar on real news prose: seed sentences (/work/shared/seeds, quoted) and the
// forms issue 3 lists. Expectations are written by hand from the sentences, not from output.
#include "grammar/quantity.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace factlint;

namespace {

std::vector<Quantity> find(std::string_view text, std::optional<Date> reference = {}) {
    return find_quantities(text, {0, text.size()}, reference);
}

/// The one quantity whose span text is `span_text`; fails the test when there is none.
Quantity quantity_at(std::string_view text, std::string_view span_text,
                     std::optional<Date> reference = {}) {
    for (const Quantity& q : find(text, reference))
        if (q.span.in(text) == span_text)
            return q;
    FAIL_CHECK("no quantity spans \"" << span_text << "\" in \"" << text << "\"");
    return {};
}

std::string spans(std::string_view text) {
    std::string out;
    for (const Quantity& q : find(text))
        out += "[" + std::string(q.span.in(text)) + "]";
    return out;
}

Date date(int y, int m = 0, int d = 0) {
    return Date{y, m, d};
}

} // namespace

TEST_CASE("seed sentences: hedged counts", "[quantity][seeds]") {
    auto q = quantity_at("At least 100 North Korean soldiers have reportedly lost their lives",
                         "At least 100");
    CHECK(q.kind == QuantityKind::quantity);
    CHECK(q.qualifier == Qualifier::at_least);
    CHECK(q.value == 100);
    CHECK(q.low == 100);
    CHECK_FALSE(q.high);

    q = quantity_at("he noted that around 1,000 other North Korean troops have sustained injuries",
                    "around 1,000");
    CHECK(q.qualifier == Qualifier::about);
    CHECK(q.value == 1000);

    q = quantity_at("North Korea had sent approximately 10,000 soldiers", "approximately 10,000");
    CHECK(q.qualifier == Qualifier::about);
    CHECK(q.value == 10000);

    q = quantity_at(
        "\"The number of casualties among North Korean forces has surpassed 3,000,\" he "
        "said",
        "surpassed 3,000");
    CHECK(q.qualifier == Qualifier::more_than);
    CHECK(q.low == 3000);

    q = quantity_at("Pyongyang has deployed about 18,000 troops in two phases", "about 18,000");
    CHECK(q.qualifier == Qualifier::about);
    CHECK(q.value == 18000);
    CHECK(quantity_at("Pyongyang has deployed about 18,000 troops in two phases", "two").value ==
          2);

    q = quantity_at("Over 100 North Korean troops reportedly killed in recent combat along with "
                    "over 1,000 injuries",
                    "over 1,000");
    CHECK(q.qualifier == Qualifier::more_than);
    CHECK(q.value == 1000);

    q = quantity_at("North Korean casualties are estimated at approximately 4,700, including "
                    "around 600 deaths",
                    "approximately 4,700");
    CHECK(q.value == 4700);
    CHECK(q.qualifier == Qualifier::about);
    CHECK(quantity_at("casualties are estimated at 4,700", "estimated at 4,700").qualifier ==
          Qualifier::about);

    q = quantity_at("more than 300 North Korean soldiers have died, and an additional 2,700 have "
                    "sustained injuries",
                    "2,700");
    CHECK(q.qualifier == Qualifier::exact);
    CHECK(q.value == 2700);
}

TEST_CASE("seed sentences: counts, compounds and vague amounts", "[quantity][seeds]") {
    const std::string_view fighters =
        "North Korean troops mistakenly killed eight Russian paramilitary fighters in a "
        "friendly-fire incident.";
    auto q = quantity_at(fighters, "eight");
    CHECK(q.kind == QuantityKind::quantity);
    CHECK(q.value == 8);
    CHECK(q.qualifier == Qualifier::exact);

    const std::string_view partnership =
        "UK Prime Minister Starmer Signs Historic 100-Year Partnership with Ukraine in Kyiv";
    const auto found = find(partnership);
    REQUIRE(found.size() == 1);
    CHECK(found[0].kind == QuantityKind::duration);
    CHECK(found[0].unit == "year");
    CHECK(found[0].value == 100);

    q = quantity_at("official later indicated that there had been \"several hundred\" casualties.",
                    "several hundred");
    CHECK(q.qualifier == Qualifier::vague);
    CHECK(q.low == 200);
    CHECK(q.high == 999);
    CHECK_FALSE(q.value);

    q = quantity_at("have been killed, with thousands more wounded", "thousands");
    CHECK(q.qualifier == Qualifier::vague);
    CHECK(q.low == 2000);
    CHECK(q.high == 9999);

    CHECK(spans("Experts say North Korean troops belong to one of the world's largest armies.") ==
          "");
    CHECK(spans("No one knows, and the one you mentioned is gone.") == "");
    q = quantity_at("particularly following the 2023 defense pact signed during the visit", "2023");
    CHECK(q.kind == QuantityKind::year);
    CHECK(q.date == date(2023));
}

TEST_CASE("seed sentences: dates resolve against the document date", "[quantity][dates]") {
    const Date thursday = date(2024, 12, 19);
    auto q = quantity_at("The first indications surfaced earlier this week.", "earlier this week",
                         thursday);
    CHECK(q.kind == QuantityKind::date);
    CHECK(q.date == date(2024, 12, 16));
    CHECK(quantity_at("The first indications surfaced earlier this week.", "first").kind ==
          QuantityKind::ordinal);

    const Date monday = date(2025, 1, 13);
    CHECK(quantity_at("South Korean lawmakers said Monday.", "Monday", monday).date == monday);
    CHECK(quantity_at("the war, which began last fall, represents", "last fall", monday).date ==
          date(2024, 9));
    CHECK(quantity_at("Last month, White House spokesperson John Kirby said", "Last month", monday)
              .date == date(2024, 12));
    CHECK(quantity_at("Ukraine launched a cross-border offensive in August.", "August", monday)
              .date == date(2024, 8));
    CHECK(
        quantity_at("expressed concern last Saturday regarding", "last Saturday", thursday).date ==
        date(2024, 12, 14));
    // Without a reference the expression is still a date, just unresolved.
    q = quantity_at("South Korean lawmakers said Monday.", "Monday");
    CHECK(q.kind == QuantityKind::date);
    CHECK_FALSE(q.date);
}

TEST_CASE("absolute dates", "[quantity][dates]") {
    CHECK(quantity_at("on 2025-01-13 at noon", "2025-01-13").date == date(2025, 1, 13));
    CHECK(quantity_at("on 13-01-2025 at noon", "13-01-2025").date == date(2025, 1, 13));
    CHECK(quantity_at("on January 13, 2025 at noon", "January 13, 2025").date == date(2025, 1, 13));
    CHECK(quantity_at("on 13 January 2025 at noon", "13 January 2025").date == date(2025, 1, 13));
    CHECK(quantity_at("in Dec. 2024 they", "Dec. 2024").date == date(2024, 12));
    CHECK(quantity_at("since 2024-02-30", "2024").kind == QuantityKind::year); // not a real date
    // "may" the verb is not a month.
    CHECK(spans("Officials may confirm it.") == "");
}

TEST_CASE("digit numbers", "[quantity][numbers]") {
    CHECK(quantity_at("1,000 troops", "1,000").value == 1000);
    CHECK(quantity_at("13000 troops", "13000").value == 13000);
    CHECK(quantity_at("1 000 troops", "1 000").value == 1000);
    CHECK(quantity_at("a 40\xE2\x80\xAF"
                      "000-strong force",
                      "40\xE2\x80\xAF"
                      "000")
              .value == 40000);
    CHECK(quantity_at("it fell 3.5 points", "3.5").value == Approx(3.5));
    CHECK(quantity_at("temperatures of -4 degrees", "-4").value == -4);
    // Separate numbers are not merged across a year.
    CHECK(spans("in 2024 100 people died") == "[2024][100]");
    CHECK(quantity_at("in 2024 100 people died", "2024").kind == QuantityKind::year);
    CHECK(quantity_at("2000 troops were sent", "2000").kind == QuantityKind::quantity);
    CHECK(quantity_at("It happened in 2025.", "2025").kind == QuantityKind::year);
    // Names and measurements glued to letters are not counts.
    CHECK(spans("F-16 jets and COVID-19 cases") == "");
    CHECK(spans("a 29km road") == "");
}

TEST_CASE("word numerals", "[quantity][numbers]") {
    CHECK(quantity_at("ten thousand people", "ten thousand").value == 10000);
    CHECK(quantity_at("two hundred and fifty people", "two hundred and fifty").value == 250);
    CHECK(quantity_at("a hundred people", "a hundred").value == 100);
    CHECK(quantity_at("4 thousand 3 hundred and 21 people", "4 thousand 3 hundred and 21").value ==
          4321);
    CHECK(quantity_at("twenty-one trillion dollars", "twenty-one trillion dollars").value == 21e12);
    CHECK(quantity_at("half of the troops", "half").value == 0.5);
    CHECK(quantity_at("a third of the troops", "a third").value == Approx(1.0 / 3));
    CHECK(quantity_at("two thirds of the troops", "two thirds").value == Approx(2.0 / 3));
    CHECK(quantity_at("1/2 of the troops", "1/2").value == 0.5);
    CHECK(quantity_at("a dozen soldiers", "a dozen").value == 12);
    auto q = quantity_at("dozens of soldiers", "dozens");
    CHECK(q.qualifier == Qualifier::vague);
    CHECK(q.low == 24);
    CHECK(q.high == 99);
    q = quantity_at("hundreds of soldiers", "hundreds");
    CHECK((q.low == 200 && q.high == 999));
    q = quantity_at("tens of thousands of soldiers", "tens of thousands");
    CHECK((q.low == 20000 && q.high == 99999));
    q = quantity_at("hundreds of thousands of soldiers", "hundreds of thousands");
    CHECK((q.low == 200000 && q.high == 999999));
    q = quantity_at("a few soldiers", "a few");
    CHECK((q.low == 2 && q.high == 5));
}

TEST_CASE("money, percentages, durations, ordinals", "[quantity][units]") {
    auto q = quantity_at("a £691m deal", "£691m");
    CHECK(q.kind == QuantityKind::money);
    CHECK(q.unit == "GBP");
    CHECK(q.value == 691e6);
    CHECK(q.number.in("a £691m deal") == "691m");
    CHECK(quantity_at("a 3bn plan", "3bn").value == 3e9);
    CHECK(quantity_at("10k runners", "10k").value == 10000);
    q = quantity_at("it cost $1.1 million", "$1.1 million");
    CHECK((q.unit == "USD" && q.value == 1.1e6));
    q = quantity_at("shares at US $58.24 each", "US $58.24");
    CHECK((q.unit == "USD" && q.value == Approx(58.24)));
    q = quantity_at("paid 300 euros", "300 euros");
    CHECK((q.kind == QuantityKind::money && q.unit == "EUR"));

    for (std::string_view text : {"5%", "5 per cent", "five percent"}) {
        q = quantity_at(text, text);
        CHECK(q.kind == QuantityKind::percent);
        CHECK(q.value == 5);
    }
    q = quantity_at("up 2 percentage points", "2 percentage points");
    CHECK((q.kind == QuantityKind::percent && q.unit == "percentage point"));

    q = quantity_at("for six months", "six months");
    CHECK((q.kind == QuantityKind::duration && q.unit == "month" && q.value == 6));
    q = quantity_at("a 20-year \"strategic partnership\"", "20-year");
    CHECK((q.kind == QuantityKind::duration && q.unit == "year" && q.value == 20));

    CHECK(quantity_at("the first time", "first").kind == QuantityKind::ordinal);
    CHECK(quantity_at("the 3rd time", "3rd").value == 3);
    CHECK(quantity_at("the 21st century", "21st").kind == QuantityKind::ordinal);
    CHECK(quantity_at("in its fourth year", "fourth").value == 4);
}

TEST_CASE("hedges have interval semantics", "[quantity][hedges]") {
    struct Case {
        std::string_view text;
        Qualifier qualifier;
    };
    const Case cases[] = {
        {"at least 100", Qualifier::at_least},
        {"no fewer than 100", Qualifier::at_least},
        {"100 or more", Qualifier::at_least},
        {"more than 100", Qualifier::more_than},
        {"over 100", Qualifier::more_than},
        {"above 100", Qualifier::more_than},
        {"in excess of 100", Qualifier::more_than},
        {"upwards of 100", Qualifier::more_than},
        {"exceeding 100", Qualifier::more_than},
        {"at most 100", Qualifier::at_most},
        {"no more than 100", Qualifier::at_most},
        {"up to 100", Qualifier::at_most},
        {"as many as 100", Qualifier::at_most},
        {"less than 100", Qualifier::less_than},
        {"under 100", Qualifier::less_than},
        {"fewer than 100", Qualifier::less_than},
        {"below 100", Qualifier::less_than},
        {"about 100", Qualifier::about},
        {"around 100", Qualifier::about},
        {"roughly 100", Qualifier::about},
        {"some 100", Qualifier::about},
        {"an estimated 100", Qualifier::about},
        {"nearly 100", Qualifier::about},
        {"almost 100", Qualifier::about},
        {"close to 100", Qualifier::about},
    };
    for (const Case& c : cases) {
        const std::string sentence = "They said " + std::string(c.text) + " people died.";
        INFO(sentence);
        const auto q = quantity_at(sentence, c.text);
        CHECK(q.qualifier == c.qualifier);
        CHECK(q.value == 100);
        const bool lower =
            c.qualifier == Qualifier::at_least || c.qualifier == Qualifier::more_than;
        const bool upper = c.qualifier == Qualifier::at_most || c.qualifier == Qualifier::less_than;
        CHECK(q.low.has_value() == lower);
        CHECK(q.high.has_value() == upper);
    }
}

TEST_CASE("ranges and trends", "[quantity][hedges]") {
    for (std::string_view text : {"between 5 and 10", "5 to 10", "5-10",
                                  "5\xE2\x80\x93"
                                  "10",
                                  "from 5 to 10"}) {
        const std::string sentence = "It took " + std::string(text) + " hours.";
        INFO(sentence);
        const auto q = quantity_at(sentence, std::string(text) + " hours");
        CHECK(q.qualifier == Qualifier::range);
        CHECK(q.low == 5);
        CHECK(q.high == 10);
        CHECK_FALSE(q.value);
        CHECK(q.kind == QuantityKind::duration);
    }
    auto q = quantity_at("a $5-10 million fund", "$5-10 million");
    CHECK((q.low == 5e6 && q.high == 10e6 && q.unit == "USD"));
    CHECK(spans("Arsenal won 2-1 on Saturday") == "[2][1][Saturday]");

    CHECK(quantity_at("Prices rose by 5%", "5%").trend == Trend::up);
    CHECK(quantity_at("Shares were up 5%", "5%").trend == Trend::up);
    CHECK(quantity_at("Sales fell 3%", "3%").trend == Trend::down);
    CHECK(quantity_at("Shares were down 3%", "3%").trend == Trend::down);
    CHECK(quantity_at("The toll increased to 300", "300").trend == Trend::up);
    CHECK(quantity_at("It killed 300 people", "300").trend == Trend::none);
}

TEST_CASE("offsets are into the prose, only the sentence span is read", "[quantity]") {
    const std::string_view prose = "First 5 apples. Then about 7 pears.";
    const Span second{16, prose.size()};
    const auto found = find_quantities(prose, second);
    REQUIRE(found.size() == 1);
    CHECK(found[0].span.in(prose) == "about 7");
    CHECK(found[0].number.in(prose) == "7");
    CHECK(find_quantities(prose, {0, 0}).empty());
    CHECK(find_quantities(prose, {30, 100}).empty()); // past the end is clamped
}

TEST_CASE("news prose that is not a count", "[quantity][bbc]") {
    // Running distances, compound adjectives, clock times.
    CHECK(spans("the 100m champion will run the 60m") == "");
    CHECK(quantity_at("it raised $100m", "$100m").value == 100e6);
    CHECK(spans("buoyed by one-off gains on a one-way ticket") == "");
    CHECK(quantity_at("a one-year deal", "one-year").kind == QuantityKind::duration);
    CHECK(spans("shares rose by 1200 GMT and by 10:30 and at 9 am") == "");
    // "a third quarter" is an ordinal; "a third of" a fraction.
    CHECK(quantity_at("in a third quarter when costs rose", "third").kind == QuantityKind::ordinal);
    CHECK(quantity_at("a third of the staff", "a third").value == Approx(1.0 / 3));
    // A range never runs into a date.
    const std::string_view months = "for the three months to 31 December 2004, the airline";
    CHECK(spans(months) == "[three months][31 December 2004]");
    // A change from one value to another is two values, not a range.
    const std::string_view change = "In October, it increased this from \xC2\xA3"
                                    "6 to \xC2\xA3"
                                    "10.";
    const auto found = find(change);
    REQUIRE(found.size() == 3);
    CHECK(found[1].qualifier == Qualifier::exact);
    CHECK(found[1].value == 6);
    CHECK(found[2].value == 10);
    // A year-less date is the nearest one: coming events are announced too.
    CHECK(quantity_at("the London Marathon on 17 April.", "17 April", date(2005, 3, 1)).date ==
          date(2005, 4, 17));
}

TEST_CASE("more news prose that is not what it seems", "[quantity][bbc]") {
    CHECK(spans("children between the ages of six and 11.") == "[six][11]");
    CHECK(spans("She cleared 1.76m in the high jump") == "");
    CHECK(quantity_at("and 2.2m people watched", "2.2m").value == 2.2e6);
    CHECK(spans("a goal before half time in the first half") == "[first]"); // an ordinal
    CHECK(quantity_at("Half of them argue that it works", "Half").value == 0.5);
    CHECK(spans("He told BBC One and Five Live about it") == "");
    CHECK(quantity_at("Three men were held", "Three").value == 3);
    CHECK(quantity_at("it was a first, I think", "first").kind == QuantityKind::ordinal);
    CHECK(spans("an order for 70 Boeing 737-800 planes") == "[70]");
    CHECK(quantity_at("Women make up more than half of graduates", "more than half").trend ==
          Trend::none);
}

TEST_CASE("hostile input stays linear and inside the span", "[quantity][robustness]") {
    std::string run;
    for (int i = 0; i < 5000; ++i)
        run += "one hundred a ";
    const auto found = find(run);
    CHECK(found.size() == 5000); // "one hundred" each time; the dangling "a" is no number
    for (const Quantity& q : found)
        CHECK(q.span.end <= run.size());
    // A span ending inside a multi-byte fraction character does not read past it.
    const std::string_view half = "\xC2\xA3\xC2\xBD";
    CHECK(find_quantities(half, {0, 3}).empty());
}

TEST_CASE("a hedged year keeps its bound (fuzz finding)", "[quantity]") {
    // The contract: one-sided hedges set `low` or `high`, years included.
    std::string text = "Sales were well above 2003 and no earlier than 2008.";
    for (const Quantity& q : find(text)) {
        if (q.qualifier == Qualifier::more_than || q.qualifier == Qualifier::at_least)
            CHECK(q.low == q.value);
        if (q.qualifier == Qualifier::less_than || q.qualifier == Qualifier::at_most)
            CHECK(q.high == q.value);
    }
    Quantity q = quantity_at(text, "above 2003");
    CHECK(q.kind == QuantityKind::year);
    CHECK(q.qualifier == Qualifier::more_than);
    CHECK(q.low == 2003);
}

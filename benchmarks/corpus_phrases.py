"""Sentence templates of the synthetic corpus, kept as data apart from the generator.

Slots are `{ROLE:spec}` for entities and `{name}` for plain values:
A, B, C are people, P, Q parties, L an alliance, S the speaker of a quote.
Person specs: `s` subject position (may take an apposition with its trailing comma),
`o` object position, `t` before a possessive, `n` name only, `p`/`P`/`h` pronouns.
Party and alliance specs: `n` noun phrase ("the NRP"), `m` modifier ("NRP").
Quote slots `{Q1:,}` / `{Q2:.}` are quotation bodies with the punctuation that goes
inside the marks; an `l` in the spec lower-cases the first letter ("said that ...").

Fact templates are (template, subject role, object role): the generator plants the
relation named by the list they are in, and the person specs plant the office and
party ties that the descriptors state. Negatives and filler plant nothing.
"""

from __future__ import annotations

from graph_schema import RelType

CRITICISM: tuple[tuple[str, str, str], ...] = (
    ("{A:s} attacked {B:o} over {issue}{when}.", "A", "B"),
    ("{A:s} slammed {B:o} for {misdeed}.", "A", "B"),
    ("{A:s} accused {B:o} of {misdeed}.", "A", "B"),
    ("{A:s} blamed {B:o} for {problem}.", "A", "B"),
    ("{A:s} hit out at {B:o} over {issue}{when}.", "A", "B"),
    ("{A:s} took exception to {B:t}'s remarks on {issue}.", "A", "B"),
    ("{A:s} demanded the resignation of {B:o} over {issue}.", "A", "B"),
    ("{A:s} launched a scathing attack on {B:o}, accusing {B:O} of {misdeed}.", "A", "B"),
    ("{A:s} mocked {B:o} for {misdeed} at a rally in {region}.", "A", "B"),
    ("{A:s} condemned {B:o} for {misdeed}.", "A", "B"),
    ("{B:s} was criticised by {A:o} over {issue}{when}.", "A", "B"),
    ("{B:s} came under fire from {A:o} for {misdeed}.", "A", "B"),
    ("{B:s} faced sharp criticism from {A:o} after {event}.", "A", "B"),
    ("{P:n} accused {B:o} of {misdeed}.", "P", "B"),
    (
        "{P:n} slammed {Q:n} over {issue}, calling its position an insult to voters in {region}.",
        "P",
        "Q",
    ),
    ("{A:s} attacked {Q:n} over {issue}{when}.", "A", "Q"),
    ("{A:s} blamed {L:n} for {problem}.", "A", "L"),
    ("In a sharp rebuke, {A:o} accused {B:o} of {misdeed}.", "A", "B"),
)

SUPPORT: tuple[tuple[str, str, str], ...] = (
    ("{A:s} praised {B:o} for {achievement}.", "A", "B"),
    ("{A:s} backed {B:o} on {issue}{when}.", "A", "B"),
    ("{A:s} endorsed {B:o} as the alliance's candidate for {region}.", "A", "B"),
    ("{A:s} congratulated {B:o} on {achievement}.", "A", "B"),
    ("{A:s} voiced support for {B:o} amid the row over {issue}.", "A", "B"),
    ("{A:s} threw {A:h} weight behind {B:o}{when}.", "A", "B"),
    ("{B:s} was endorsed by {A:o} ahead of the polls in {region}.", "A", "B"),
    ("{B:s} received the backing of {A:o} on {issue}.", "A", "B"),
    ("{A:s} said {A:p} stood firmly with {B:o} on {issue}.", "A", "B"),
    ("{P:n} backed {B:o} on {issue}{when}.", "P", "B"),
    ("{A:s} praised {Q:n} for {achievement}.", "A", "Q"),
    ("{A:s} voiced support for {L:n} at a meeting in {capital}.", "A", "L"),
)

# ALLIED_WITH between P and Q (same alliance) or P and L (P a member of L).
ALLIANCE: tuple[tuple[str, str, str], ...] = (
    ("{P:n} is a constituent of {L:n}.", "P", "L"),
    ("{P:n}, which joined {L:n} in {join_year}, has {seats} seats in the {house}.", "P", "L"),
    ("{P:n} and {Q:n} sealed a seat-sharing deal for the elections in {region}.", "P", "Q"),
    (
        "The seat-sharing arrangement between {P:n} and {Q:n} leaves {seats} seats in {region} "
        "to be decided.",
        "P",
        "Q",
    ),
    ("{P:n}, a constituent of {L:n}, will contest {seats} seats in {region}.", "P", "L"),
    ("{P:n} and its ally {Q:n} will hold a joint rally in {capital} next week.", "P", "Q"),
    ("{P:n} has been part of {L:n} since {join_year}.", "P", "L"),
    ("Leaders of {P:n}, an ally of {Q:n}, met in {capital} to discuss the campaign.", "P", "Q"),
    (
        "{P:n} and {Q:n}, both members of the same alliance, agreed on a common candidate in "
        "{region}.",
        "P",
        "Q",
    ),
)

# Office facts stated outright; {O:a} is an appositive form of the person's post.
OFFICE_CURRENT: tuple[str, ...] = (
    "{A:n} was sworn in as {O:a} on {weekday}.",
    "{A:n} took charge as {O:a} in {start_month}.",
    "{A:n} has served as {O:a} since {start_month}.",
)
OFFICE_FORMER: tuple[str, ...] = (
    "{A:n} served as {O:a} until {end_month}.",
    "{A:n} stepped down as {O:a} in {end_month}.",
)

# Sentences that bring a person in (with a descriptor) without any other fact.
APPEARANCE: tuple[str, ...] = (
    "{C:s} was among those present at the meeting.",
    "{C:s} is expected to address a rally in {region} on {weekday}.",
    "{C:s} said the party would announce its candidates for {region} next week.",
    "The meeting was chaired by {C:o}.",
    "Also present were {C:o} and several members of the {house}.",
    "{C:s} arrived late and left before the press conference.",
)

NEGATIVE_PAIR: tuple[str, ...] = (
    "{A:n} did not criticise {B:n} by name, saying only that {clause}.",
    "{A:n} stopped short of attacking {B:n} directly.",
    "Asked whether {A:p} would back {B:n}, {A:n} declined to comment.",
    "{A:n} said {A:p} would endorse {B:n} only if the alliance agreed on a common programme.",
    "{A:n} denied reports that {A:p} had attacked {B:n} at the closed-door meeting.",
    "Would {A:n} back {B:n} if the coalition collapsed? Aides said no decision had been taken.",
    "There was no sign that {A:n} had praised {B:n}, despite reports to the contrary.",
    "{A:n} refused to say whether {A:p} supported {B:n}.",
)
NEGATIVE_PARTY: tuple[str, ...] = (
    "It is unclear whether {P:n} will join {L:n} before the polls.",
    "There was no sign that {P:n} would back {L:n} in the {house}.",
    "{P:n} has not decided whether to join {L:n}, party insiders said.",
)
NEGATIVE_PARTIES: tuple[str, ...] = (
    "Talks on a seat-sharing deal between {P:n} and {Q:n} have made no progress.",
    "{P:n} ruled out any alliance with {Q:n}.",
    "Neither {P:n} nor {Q:n} has publicly criticised the other so far.",
)

# Quote attributions with a named speaker; FOLLOW_UP ones need the speaker introduced.
QUOTE_NAMED: tuple[str, ...] = (
    "{Q1:,} {S:o} said.",
    "{Q1:,} said {S:o}.",
    "{S:s} said: {Q1:.}",
    "{S:s} told reporters: {Q1:.}",
    "{Q1:,} {S:o} told reporters, {Q2:.}",
    "According to {S:o}, {Q1:.}",
    "{S:s} said on {weekday} that {Q1:l.}",
    "{S:o}, speaking at a rally in {region}, said: {Q1:.}",
    "{S:s} wrote on social media: {Q1:.}",
    "{Q1:,} {S:o} said in a statement.",
)
QUOTE_FOLLOW: tuple[str, ...] = (
    "{Q1:,} {S:p} added.",
    "{Q1:,} {S:n} added.",
    "{S:P} also said: {Q1:.}",
    "{Q1:,} {S:p} told reporters, {Q2:.}",
    "{Q1:,} {S:p} said.",
)

QUOTE_NEUTRAL: tuple[str, ...] = (
    "We will take this fight to every village in {region}",
    "The people of {region} deserve answers, not slogans",
    "Our doors are open to everyone who believes in a fair deal for farmers",
    "This is a question of dignity for every working family in {country}",
    "We have to win as many seats as possible by working with like-minded colleagues",
    "The budget must put teachers and nurses first",
    "Nobody in {capital} understands what the price of diesel means to a fisherman",
    "We are ready for the elections and we will announce our candidates soon",
    "The {house} is not a stage for theatre, it is a place for debate",
    "I have spent thirty years in public life and I have never seen anything like this",
    "Seat sharing will be settled within three weeks. All decisions will be taken together",
    "The party will decide its candidate after consulting workers in every district",
    "Our priority is jobs for the young people of {region}",
    "We will not be intimidated by anyone",
    "The voters are watching and they will give their verdict",
    "There is no confusion in our ranks. We are united",
)
QUOTE_CRITICAL: tuple[str, ...] = (
    "{t} has failed the people of {region} and must answer for it",
    "What {t} is doing is an insult to every voter in this country",
    "I am sorry to say that {t} has brought shame to the {house}",
    "The record of {t} on {issue} speaks for itself. It is a record of failure",
    "{t} should stop blaming others and start governing",
    "Every promise made by {t} has turned out to be hollow",
)
QUOTE_SUPPORTIVE: tuple[str, ...] = (
    "{t} has shown real courage on {issue}",
    "We stand with {t} today and we will stand with {t} on polling day",
    "Nobody has done more for {region} than {t}",
    "I have full confidence in {t}",
    "{t} is the right choice to lead us into the elections",
)

FILLER: tuple[str, ...] = (
    "The {house} is scheduled to reconvene on {weekday}, when the bill on {issue} is expected "
    "to be tabled.",
    "Opposition benches staged a walkout during the previous session over {issue}.",
    "Analysts said the dispute could shape the outcome of the upcoming elections in {region}.",
    "Turnout in {region} stood at {pct} per cent in the last regional polls.",
    "Officials in {capital} said security had been tightened around the assembly complex.",
    "The Election Commission is expected to announce the poll schedule by {month}.",
    "Farmers' groups in {region} have been protesting for {n} weeks against {issue}.",
    "The row comes at a time when prices of essential goods have risen sharply.",
    "Several district units have asked for more say in the selection of candidates.",
    "The government has so far not responded to the demand for a debate on {issue}.",
    "Political observers in {capital} described the meeting as cordial but inconclusive.",
    "The issue of {issue} has dominated the campaign in {region} for months.",
    "A final decision is expected after the next round of talks in {capital}.",
    "Traders in {region} downed shutters for a day in protest against {issue}.",
    "The debate in the {house} lasted for more than {n} hours.",
    "Party workers gathered outside the headquarters in {capital} as the meeting went on.",
    "Opinion polls published last month suggested a close contest in {region}.",
    "The state broadcaster carried the speech live.",
    "The {house} has {house_seats} members, and a majority requires {majority} votes.",
    "Students' unions in {region} have announced a march to {capital} on {weekday}.",
    "Questions were also raised about the delay in releasing relief funds to {region}.",
    "The last elections in {region} were held in {past_year}.",
    "Several smaller parties are yet to announce whom they will support.",
    "Heavy rain in {region} forced the cancellation of two campaign events.",
    "A committee of senior leaders has been asked to submit its report within {n} days.",
    "The treasury has warned that the deficit could widen if subsidies are extended.",
    "The session was adjourned twice amid noisy protests.",
    "Local newspapers in {region} carried the story on their front pages.",
)
FILLER_CLAUSES: tuple[str, ...] = (
    "the government had lost touch with ordinary people",
    "the matter would be raised in the {house}",
    "the party would respond at the right time",
    "voters would decide",
)

ISSUES: tuple[str, ...] = (
    "the fuel price hike",
    "the new farm procurement law",
    "rising unemployment",
    "the delayed census",
    "the water-sharing dispute",
    "the coastal fishing ban",
    "the pension reform",
    "the teachers' recruitment scandal",
    "the electricity tariff increase",
    "the redrawing of constituencies",
    "the rail fare increase",
    "the hospital shortage",
    "the border road project",
    "the grain export ban",
    "the municipal election delay",
)
MISDEEDS: tuple[str, ...] = (
    "misleading the {house}",
    "ignoring the farmers of {region}",
    "playing politics with relief funds",
    "stalling the pension reform",
    "insulting the opposition",
    "running away from a debate on {issue}",
    "protecting corrupt officials",
    "spreading falsehoods about the budget",
)
PROBLEMS: tuple[str, ...] = (
    "the power cuts in {region}",
    "the collapse of the seat-sharing talks",
    "the delay in relief payments",
    "the chaos in the {house}",
    "the rise in food prices",
)
ACHIEVEMENTS: tuple[str, ...] = (
    "the handling of the floods in {region}",
    "the new irrigation scheme",
    "winning the by-election in {region}",
    "the passage of the pension bill",
    "the peace talks in {region}",
)
EVENTS: tuple[str, ...] = (
    "the vote in the {house}",
    "a heated press conference in {capital}",
    "the leak of a cabinet note",
    "a rally in {region}",
)
WHEN: tuple[str, ...] = ("", "", " on {weekday}", " on {weekday}", " in {capital}")
WEEKDAYS: tuple[str, ...] = (
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
)
MONTHS: tuple[str, ...] = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

HEADLINES: dict[str, tuple[str, ...]] = {
    RelType.CRITICIZED: (
        "{a} attacks {b} over {issue}",
        "{a} slams {b}",
        "Row erupts as {a} targets {b}",
    ),
    RelType.SUPPORTED: ("{a} backs {b}", "{a} throws weight behind {b}", "{a} praises {b}"),
    RelType.ALLIED_WITH: (
        "{a} and {b} firm up alliance",
        "Seat-sharing talks: {a}, {b} close ranks",
    ),
    "OTHER": ("Parties gear up for polls in {region}", "Political temperature rises in {region}"),
}

"""The fixed words of both documents, per language: labels, headings, sentences, figure texts.

Composition (`core/compose*.py`) takes every fixed phrase from here, so a backend never
writes a word, and a host-language handout is a second `Words` rather than edits in layout
code. Placeholders in braces are filled by the composer.
"""

from __future__ import annotations

from .faults import Fault, InputError


class Words:
    """English. Another language subclasses this and sets what it words differently. (A plain
    class: a dataclass of this many fields costs every export ten milliseconds to define.)"""

    days: tuple[str, ...] = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
                             "Sunday")
    months: tuple[str, ...] = ("January", "February", "March", "April", "May", "June", "July",
                               "August", "September", "October", "November", "December")
    date_time: str = "{day}, {month} {date}, {year}, {time}"
    page: str = "Page {page} of {pages}"
    bullet: str = "\u2022"
    number: str = "{n}."
    quoted_source: str = "{publisher}, \u201c{title},\u201d {date}"  # the comma inside (GPO)
    short_source: str = "{publisher}, {date}"  # a handout's source list, when it must be short
    # The officer brief
    meeting_with: str = "Meeting with {who}"
    government_of: str = "the Government of {country}"
    officer_subtitle: str = "Officer brief \u00b7 5G vendor security \u00b7 {country}"
    officer_file_title: str = "{title}: officer brief"
    to_be_confirmed: str = "to be confirmed"
    header_post: str = "{post} \u00b7 {date}"
    header_meeting: str = "Meeting with {who}"
    people: str = "{names} ({bodies})"
    list_and: str = "{rest} and {last}"
    day_date: str = "{day}, {month} {date}, {year}"
    meeting_details: str = "Meeting details"  # the meeting table's caption, which carries its mark
    date_and_time: str = "Date and time"
    place: str = "Place"
    country: str = "Country"
    country_carrier: str = "Country / carrier"
    counterparts: str = "Counterparts"
    participants: str = "Our participants"
    say: str = " (say: {pronunciation})"
    bluf: str = "BLUF:"
    purpose: str = "Purpose"
    asks: str = "Asks"
    points: str = "Talking points"
    no_points: str = "No points chosen."
    background: str = "Background"
    if_raised: str = "If raised"
    note: str = "Officer's note:"
    snapshot: str = "Country snapshot: {country}"
    us_forces: str = "U.S. forces hosted"
    installation: str = "{name}, {location}: {service}"
    no_us_forces: str = "{country} hosts no U.S. forces on record."
    carriers: str = "Carriers and publicly reported vendors"
    vendor: str = "{vendor}, {phrase} [{ref}]"
    no_vendors: str = "no vendor on public record: {why}"
    vendors_not_recorded: str = "vendors not on record (verify locally)"
    verify_aside: str = "verify locally: {what}"
    deadline_passed: str = ("The deadline of {date} has passed since these facts were last "
                            "checked: confirm what happened before relying on this point.")
    deadline_aside: str = "deadline {date} passed and not checked since: confirm the current state"
    deadline_note: str = ("{what}: the deadline of {date} has passed since the facts were last "
                          "checked; confirm the current state before the meeting")
    point_label: str = "point {n} ({id})"
    snapshot_label: str = "country snapshot, {entry}"
    long_date: str = "{month} {date}, {year}"
    quote: str = "\u201c{quote}\u201d"
    policy: str = "Policy notes"
    reviewed: str = "These facts were last reviewed {date}."
    sources: str = "Sources"
    drafted: str = "Drafted:"
    clearance_roles: tuple[tuple[str, str], ...] = (("cleared", "Cleared:"),
                                                    ("approved", "Approved:"))
    clearance_date: str = ", {date}"
    clearance_status: tuple[tuple[str, str], ...] = (("pending", " (pending)"),
                                                     ("cleared-with-edits", " (cleared with edits)"),
                                                     ("cleared", ""))
    clearance_pending: tuple[tuple[str, str], ...] = (
        ("cleared", "clearance by {who} is still pending"),
        ("approved", "approval by {who} is still pending"))
    not_given: str = "(not given)"
    # Page budgets, checked where the layout can be measured
    points_too_long: str = ("talking points run to {value:.2f} pages; keep them to one page "
                            "(fewer or shorter points)")
    background_too_long: str = "background runs to {value:.2f} pages; keep it to two pages"
    bluf_too_long: str = "the BLUF takes {value:g} lines; keep it to {limit:g}"
    too_many_objectives: str = "{count} objectives; a read-ahead has one to {limit}"
    handout_too_long: str = ("the handout runs to {value:g} pages; a leave-behind should be one "
                             "or two (choose fewer releasable points)")
    handout_sources_alone: str = ("the handout ends with {value:g} page(s) of public sources alone "
                                  "(choose fewer releasable points)")
    # The handout
    handout_title: str = "Trusted suppliers for 5G networks in {country}"
    handout_opening: str = ("5G networks will carry the services that economies and their "
                            "security depend on. This paper sets out why the choice of equipment "
                            "supplier matters.")
    no_releasable: str = "No releasable points were chosen."
    public_sources: str = "Public sources"
    held_us_forces: str = ("point {n} ({id}) speaks of U.S. forces and is left off the handout: no "
                           "release is recorded (who cleared U.S.-forces content, and when)")
    held_no_wording: str = ("point {n} ({id}) is releasable but its library entry has no handout "
                            "wording (handout_text), so it is left off the handout")
    # The handout's figures (each printed only when a chosen point uses it)
    market_title: str = "Telecom equipment revenue share, 2024"
    market_legend: tuple[str, ...] = ("Headquartered in China", "Headquartered elsewhere")
    market_source: str = "Source: Dell\u2019Oro Group, as reported by iTWire, March 20, 2025."
    market_alt: str = ("Bar chart of worldwide telecom equipment revenue shares in 2024: {bars}. "
                       "Huawei and ZTE are headquartered in China; the others in Europe, the "
                       "United States and the Republic of Korea.")
    diagram_title: str = "Why the edge of a 5G network matters more"
    diagram_edge: tuple[str, ...] = ("Cell-site\nequipment", "Edge with some\ncore functions")
    diagram_core: str = "Core network"
    diagram_notes: tuple[str, ...] = (
        "Edge kept largely apart from the core",
        "Some core functions move toward the edge, so the old boundary protects less.")
    diagram_alt: str = ("Diagram: in 4G, cell-site equipment is kept largely apart from the core "
                        "network; in 5G, some core functions move toward the network edge, which "
                        "connects more closely with the core, so the old boundary protects less.")

LANGUAGES = {"en": Words()}


def words(language: str) -> Words:
    try:
        return LANGUAGES[language]
    except KeyError:
        known = ", ".join(sorted(LANGUAGES))
        raise InputError(Fault("language", "", f"no wording for '{language}' (known: {known})")) \
            from None

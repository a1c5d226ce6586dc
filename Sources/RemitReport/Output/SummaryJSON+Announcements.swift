import RemitCore
import RemitMatch

extension SummaryJSON {
    /// `"announcements": {...}`, written only when the run read an 812.
    static func announcements(_ announcements: Announcements, into writer: inout JSONWriter) {
        guard !announcements.isEmpty else { return }
        writer.key("announcements")
        writer.beginObject()
        writer.key("linked")
        writer.beginArray()
        for link in announcements.linked {
            writer.beginObject()
            writer.field("memo_number", link.memoNumber)
            writer.moneyList("announced", link.announcedTotal)
            writer.moneyList("taken", link.takenTotal)
            writer.field("amounts_agree", link.amountsAgree)
            writer.key("taken_by")
            writer.beginArray()
            for id in link.takenBy.map(\.id) + link.takenByLines.map(\.id) { writer.string(id) }
            writer.endArray()
            writer.endObject()
        }
        writer.endArray()
        writer.field("not_yet_taken_count", announcements.notYetTaken.count)
        writer.moneyList("not_yet_taken_total", MoneyTotals(announcements.notYetTaken.map(\.amount)).values)
        writer.field("taken_not_announced_count", announcements.takenNotAnnounced.count)
        writer.moneyList(
            "taken_not_announced_total", MoneyTotals(announcements.takenNotAnnounced.map(\.amount)).values)
        writer.field("superseded_count", announcements.superseded.count)
        writer.endObject()
    }
}

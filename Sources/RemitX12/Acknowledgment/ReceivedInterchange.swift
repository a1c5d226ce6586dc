/// The envelope of one received interchange, as an acknowledgment answers it.
struct ReceivedInterchange {
    /// ISA01 to ISA16 as written (padding kept).
    var header: [String]
    var groups: [ReceivedGroup] = []
    var control: String { header.count > 12 ? header[12].filter { $0 != " " } : "" }
    var usage: String { header.count > 14 ? header[14].filter { $0 != " " } : "P" }

    /// One functional group (GS to GE).
    struct ReceivedGroup {
        var functionalID: String
        var applicationSender: String
        var applicationReceiver: String
        var control: String
        var version: String
        var sets: [ReceivedSet] = []
        /// GE01 and GE02 as written; nil when the GE never came.
        var trailer: (count: String, control: String)?
    }

    /// One transaction set (ST to SE).
    struct ReceivedSet {
        var setID: String
        var control: String
        /// ST03, the implementation convention reference (005010 on).
        var implementation: String?
        /// File segment index of the ST and of the SE (nil when the SE never came).
        var startIndex: Int
        var endIndex: Int?
        /// SE01 and SE02 as written.
        var trailer: (count: String, control: String)?
    }
}

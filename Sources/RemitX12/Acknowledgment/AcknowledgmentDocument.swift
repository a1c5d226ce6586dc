/// One acknowledgment to send back: a 997 (or 999) interchange answering one received interchange.
///
/// Built by `X12Acknowledger`; written by `render`, once control numbers have been reserved for it.
public struct AcknowledgmentDocument: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        /// Functional acknowledgment (AK3/AK4/AK5).
        case functional = "997"
        /// Implementation acknowledgment for 005010X groups (IK3/IK4/IK5).
        case implementation = "999"
    }

    public var kind: Kind
    /// ISA13 of the interchange answered.
    public var receivedControl: String
    /// ISA01 to ISA16 of the interchange answered, as written.
    var receivedHeader: [String]
    var groups: [GroupAck]

    /// How many control numbers `render` needs: one for the interchange, one per functional group.
    public var controlNumbersNeeded: Int { 1 + groups.count }

    /// Per group answered: `GS06 status`, e.g. `101 A` or `7 P`.
    public var groupStatuses: [String] { groups.map { $0.control + " " + $0.status } }

    /// The answer to one received functional group.
    struct GroupAck: Sendable, Hashable {
        var functionalID: String
        var control: String
        var version: String
        var applicationSender: String
        var applicationReceiver: String
        /// AK901: A, E, P or R.
        var status: String
        var statedCount: String
        var receivedCount: Int
        var acceptedCount: Int
        /// AK905 and on: functional group error codes.
        var codes: [String]
        var sets: [SetAck]
    }

    /// The answer to one received transaction set.
    struct SetAck: Sendable, Hashable {
        var setID: String
        var control: String
        var implementation: String?
        /// AK501: A, E or R.
        var status: String
        /// AK502 and on: transaction set error codes.
        var codes: [String]
        var segments: [SegmentError]
    }

    /// A segment in error: its ID, its position counted from the ST (ST is 1), and the syntax error code.
    struct SegmentError: Sendable, Hashable {
        var segmentID: String
        var position: Int
        var code: String
        var elements: [ElementError]
    }

    /// An element in error: its position in the segment, the error code, and a copy of the bad value.
    struct ElementError: Sendable, Hashable {
        var position: Int
        var code: String
        var value: String?
    }
}

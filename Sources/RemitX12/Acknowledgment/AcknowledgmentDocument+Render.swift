/// The X12 text of an acknowledgment: `*` between elements, `:` between components, `~` and a line feed
/// after each segment.
extension AcknowledgmentDocument {
    /// When the acknowledgment is written, in UTC.
    public struct Stamp: Sendable, Hashable {
        /// `CCYYMMDD` and `HHMM`.
        public var date: String
        public var time: String

        public init(date: String, time: String) {
            self.date = date
            self.time = time
        }

        /// Reads an ISO 8601 UTC time such as `2026-12-03T12:00:00Z`; nil when it is not one.
        public init?(iso8601 text: String) {
            let digits = text.filter(\.isNumber)
            guard digits.count >= 12, text.hasSuffix("Z") else { return nil }
            date = String(digits.prefix(8))
            time = String(digits.dropFirst(8).prefix(4))
        }
    }

    /// The acknowledgment as X12 text.
    ///
    /// - Parameters:
    ///   - controlNumbers: `controlNumbersNeeded` numbers: the first is ISA13, the others each group's GS06.
    ///   - stamp: the time written into ISA09/ISA10 and GS04/GS05.
    public func render(controlNumbers: [Int], stamp: Stamp) -> String {
        precondition(controlNumbers.count == controlNumbersNeeded, "one control number per envelope")
        let implementation = kind == .implementation
        let interchangeControl = Self.padded(String(controlNumbers[0]), to: 9, with: "0", leading: true)
        var segments: [String] = []
        let header = receivedHeader + Array(repeating: "", count: max(0, 16 - receivedHeader.count))
        segments.append(
            [
                "ISA", "00", String(repeating: " ", count: 10), "00", String(repeating: " ", count: 10), header[6],
                Self.padded(header[7], to: 15), header[4], Self.padded(header[5], to: 15),
                String(stamp.date.dropFirst(2)),
                stamp.time, implementation ? "^" : "U", implementation ? "00501" : "00401", interchangeControl, "0",
                header[14].isEmpty ? "P" : header[14], ":",
            ].joined(separator: "*"))
        for (group, number) in zip(groups, controlNumbers.dropFirst()) {
            let version = implementation ? "005010X231A1" : Self.version997(group.version)
            segments.append(
                [
                    "GS", "FA", group.applicationReceiver, group.applicationSender, stamp.date, stamp.time,
                    String(number), "X", version,
                ].joined(separator: "*"))
            let body = transactionSet(group, implementation: implementation)
            segments += body
            segments.append("GE*1*" + String(number))
        }
        segments.append("IEA*" + String(groups.count) + "*" + interchangeControl)
        return segments.map { $0 + "~\n" }.joined()
    }

    /// ST to SE of the 997 or 999 answering `group`.
    private func transactionSet(_ group: GroupAck, implementation: Bool) -> [String] {
        var lines = [implementation ? "ST*999*0001*005010X231A1" : "ST*997*0001"]
        lines.append(
            Self.segment(["AK1", group.functionalID, group.control] + (implementation ? [group.version] : [])))
        for set in group.sets {
            lines.append(
                Self.segment(["AK2", set.setID, set.control] + (implementation ? [set.implementation ?? ""] : [])))
            for error in set.segments {
                lines.append(
                    Self.segment([
                        implementation ? "IK3" : "AK3", error.segmentID, String(error.position), "", error.code,
                    ]))
                for element in error.elements {
                    lines.append(
                        Self.segment([
                            implementation ? "IK4" : "AK4", String(element.position), "", element.code,
                            element.value.map(Self.clean) ?? "",
                        ]))
                }
            }
            lines.append(Self.segment([implementation ? "IK5" : "AK5", set.status] + set.codes))
        }
        lines.append(
            Self.segment(
                ["AK9", group.status, group.statedCount, String(group.receivedCount), String(group.acceptedCount)]
                    + group.codes))
        lines.append("SE*" + String(lines.count + 1) + "*0001")
        return lines
    }

    /// Elements joined with `*`, trailing empty elements left out.
    static func segment(_ elements: [String]) -> String {
        var kept = elements
        while kept.count > 1 && kept.last?.isEmpty == true { kept.removeLast() }
        return kept.joined(separator: "*")
    }

    /// The 997's GS08: the received group's release when it is six digits, else 004010.
    static func version997(_ received: String) -> String {
        let release = received.prefix(6)
        return release.count == 6 && release.allSatisfy(\.isNumber) ? String(release) : "004010"
    }

    /// A bad value made safe to copy into AK404: the acknowledgment's own delimiters dropped, at most 99 bytes.
    static func clean(_ value: String) -> String {
        String(value.filter { !"*:~^\r\n".contains($0) }.prefix(99))
    }

    static func padded(_ text: String, to width: Int, with fill: Character = " ", leading: Bool = false) -> String {
        if text.count >= width { return String(text.prefix(width)) }
        let padding = String(repeating: fill, count: width - text.count)
        return leading ? padding + text : text + padding
    }
}

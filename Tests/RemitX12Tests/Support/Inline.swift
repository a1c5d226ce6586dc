/// Small X12 files written in the tests, for cases no fixture covers.
///
/// `Inline.file` puts each segment on its own line (`~` then a line feed), so a segment's index is its line
/// number: ISA is line 1 and bytes 0-105, GS line 2 from byte 107, ST line 3 from byte 155.
enum Inline {
    /// An ISA header written to the fixed widths, without its terminator (105 bytes).
    static func isa(
        control: Int = 1, separator: String = "*", isa11: String = "U", version: String = "00401",
        component: String = ":"
    ) -> String {
        let control = String(repeating: "0", count: 9 - String(control).count) + String(control)
        let fields = [
            "ISA", "00", String(repeating: " ", count: 10), "00", String(repeating: " ", count: 10), "ZZ",
            "SENDER         ", "ZZ", "RECEIVER       ", "260105", "0930", isa11, version, control, "0", "P", component,
        ]
        let header = fields.joined(separator: separator)
        precondition(header.utf8.count == 105, "ISA header of \(header.utf8.count) bytes")
        return header
    }

    /// The GS of `file`: 46 bytes with the defaults.
    static func gs(functionalID: String = "RA", control: String = "1", version: String = "004010") -> String {
        "GS*\(functionalID)*SENDER*RECEIVER*20260105*0930*\(control)*X*\(version)"
    }

    /// One interchange with one functional group around `transaction` (the ST to SE segments).
    static func file(
        _ transaction: [String], functionalID: String = "RA", version: String = "004010", isaVersion: String = "00401"
    ) -> String {
        lines(
            [isa(version: isaVersion), gs(functionalID: functionalID, version: version)] + transaction + [
                "GE*1*1", "IEA*1*000000001",
            ])
    }

    /// `segments`, each followed by `~` and a line feed.
    static func lines(_ segments: [String]) -> String {
        segments.map { $0 + "~\n" }.joined()
    }

    /// A balanced 820 paying one invoice: ST, BPR, TRN, N1, RMR, SE (segments 3 to 8 of `file`).
    static let oneInvoice = [
        "ST*820*0001", "BPR*I*100.00*C*ACH*CCP", "TRN*1*T1", "N1*PR*PAYER", "RMR*IV*INV-1**100.00", "SE*6*0001",
    ]
}

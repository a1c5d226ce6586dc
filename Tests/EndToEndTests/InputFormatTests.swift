import Foundation
import RemitPipeline
import Testing

/// Recognising a file by its first bytes.
@Suite struct InputFormatTests {
    /// An X12 file hard-wrapped at one or two bytes has a line break inside `ISA`; it is still X12.
    @Test(arguments: ["ISA*00", "I\nS\nA\n*", "IS\r\nA*", "I\rS\rA\r*", "\n\nISA*"])
    func isaCutByLineBreaksIsX12(start: String) {
        #expect(InputFormat.detect(prefix: Array(start.utf8)) == .x12)
    }

    /// XML saved as UTF-16 (Windows tools do) starts with its byte order mark and `<` in two bytes.
    @Test(arguments: [String.Encoding.utf16LittleEndian, .utf16BigEndian])
    func utf16XMLIsISO20022(encoding: String.Encoding) throws {
        let mark: [UInt8] = encoding == .utf16LittleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]
        let text = try #require("<?xml version=\"1.0\" encoding=\"UTF-16\"?>".data(using: encoding))
        #expect(InputFormat.detect(prefix: mark + Array(text)) == .iso20022)
    }

    /// A UTF-16 camt.054 is read as its UTF-8 original is, figures and places alike.
    @Test func aUTF16NotificationConvertsLikeItsUTF8Original() throws {
        let original = "fixtures/iso20022/remit-camt054-v08-reversal.xml"
        let text = try String(contentsOf: RemitProcess.packageRoot.appendingPathComponent(original), encoding: .utf8)
        let file = try RemitProcess.temporaryDirectory().appendingPathComponent("utf16.xml")
        let utf16 = try #require(text.replacingOccurrences(of: "UTF-8", with: "UTF-16").data(using: .utf16))
        try utf16.write(to: file)
        let converted = try RemitProcess.run(["convert", file.path])
        #expect(converted.status == 0, "\(converted.stderr)")
        let plain = try RemitProcess.run(["convert", original])
        func figures(_ output: String) -> [String] {
            output.split(separator: "\n").map {
                let record = try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
                let money = (record["amount"] ?? record["amount_paid"]) as! [String: Any]
                let line = (record["source"] as! [String: Any])["line"]!
                return "\(record["record_type"]!) \(money["amount"]!) \(money["currency"]!) \(line)"
            }
        }
        #expect(figures(converted.stdout) == figures(plain.stdout))
        #expect(figures(plain.stdout).count == 3)
    }

    @Test(arguments: ["I\n\n\nSA*", "IS A*", "ISB*", "I"])
    func otherStartsAreNotX12(start: String) {
        #expect(InputFormat.detect(prefix: Array(start.utf8)) != .x12)
    }
}

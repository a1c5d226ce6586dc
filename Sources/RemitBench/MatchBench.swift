import RemitCore
import RemitMatch

/// `remit-bench match LINES`: a synthetic receivables book and remittances with known answers, matched in
/// memory. Prints the time taken and precision and recall of automatic application against the answers.
///
/// Big payers (200 open invoices each) pay most lines by exact reference, some with two digits swapped,
/// some by PO number; small payers (8 invoices each) pay half by reference and half with no reference at
/// all, to be found by amount. Amounts come from a fixed linear congruential sequence, so every run is
/// the same.
enum MatchBench {
    struct Case {
        var line: RemittanceLine
        var truth: String
    }

    static func run(lines requested: Int) {
        let (invoices, cases) = book(lines: requested)
        let clock = BenchClock()
        let result = Matcher().reconcile(lines: cases.map(\.line), deductions: [], invoices: invoices)
        let seconds = clock.seconds
        var applied = 0
        var right = 0
        var suggested = 0
        var byRule: [String: Int] = [:]
        for (item, match) in zip(cases, result.matches) {
            let why = match.decision == .applied ? "" : " (\(match.evidence.last { $0.name == "reason" }?.value ?? ""))"
            byRule[match.rule + "/" + match.decision.rawValue + why, default: 0] += 1
            if match.decision == .suggested { suggested += 1 }
            guard match.decision == .applied, let invoice = match.invoice else { continue }
            applied += 1
            if invoice.number == item.truth && match.allocations.isEmpty { right += 1 }
        }
        print(
            "matched \(cases.count) lines against \(invoices.count) invoices in "
                + "\(BenchFigures.fixed(seconds, digits: 3)) s; "
                + "applied \(applied), right \(right), suggested \(suggested); "
                + "precision \(percent(right, applied)), recall \(percent(right, cases.count)); "
                + "peak RSS \(BenchFigures.peakRSS() >> 20) MiB")
        print("by rule: " + byRule.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
    }

    static func percent(_ part: Int, _ whole: Int) -> String {
        guard whole > 0 else { return "n/a" }
        let tenths = (part * 1000 + whole / 2) / whole
        return "\(tenths / 10).\(tenths % 10) %"
    }

    /// A deterministic book: invoices, and one remittance line per invoice.
    static func book(lines requested: Int) -> ([Invoice], [Case]) {
        var seed: UInt64 = 0x2545_F491_4F6C_DD1D
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(bound))
        }
        var invoices: [Invoice] = []
        var cases: [Case] = []
        var number = 4_000_000
        var customer = 0
        while cases.count < requested {
            customer += 1
            let big = customer % 5 != 0
            let count = big ? 200 : 8
            let id = "K\(customer)"
            let payer = Party(name: "Customer \(customer) Inc", idQualifier: "92", id: id)
            for _ in 0..<count where cases.count < requested {
                number += 1 + next(7)
                let cents = Int64(10_000 + next(900_000))
                let amount = Money(FixedDecimal(units: cents, scale: 2), "USD")
                let invoiceNumber = String(number)
                let po = "PO\(number * 3 + 11)"
                invoices.append(
                    Invoice(
                        number: invoiceNumber, normalizedNumber: invoiceNumber, customerID: id,
                        customerName: "Customer \(customer) Inc", purchaseOrder: po, invoiceDate: nil, dueDate: nil,
                        amount: amount, openAmount: amount, terms: "NET 30",
                        location: SourceLocation(file: "bench.csv", line: invoices.count + 2, column: 1, byteOffset: 0))
                )
                let roll = next(100)
                var reference = invoiceNumber
                if big && roll >= 80 && roll < 90 {
                    var digits = Array(invoiceNumber)
                    digits.swapAt(3, 4)
                    reference = String(digits)
                } else if big && roll >= 90 {
                    reference = po
                } else if !big && roll >= 50 {
                    reference = ""
                }
                let index = cases.count
                cases.append(
                    Case(
                        line: RemittanceLine(
                            id: "bench:line:\(index)", paymentID: "bench:pay:\(index / 20)", referenceQualifier: "IV",
                            reference: reference, normalizedReference: ReferenceNormalizer.normalize(reference),
                            purchaseOrder: nil, invoiceDate: nil, amountPaid: amount, invoiceAmount: nil,
                            discountTaken: nil, payer: payer,
                            provenance: Provenance(
                                location: SourceLocation(file: "bench.820", line: index + 1, column: 1, byteOffset: 0),
                                transactionID: "ST@1")),
                        truth: invoiceNumber))
            }
        }
        return (invoices, cases)
    }
}

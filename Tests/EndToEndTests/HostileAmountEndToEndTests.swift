import Foundation
import Testing

/// Runs `remit reconcile` on amounts a hostile-input test found: errors are located, nothing traps.
@Suite struct HostileAmountEndToEndTests {
    @Test func aSeventeenDigitExportRowIsALocatedErrorAndTheRunGoesOn() throws {
        let out = try RemitProcess.temporaryDirectory()
        let result = try RemitProcess.run([
            "reconcile", "--invoices", "fixtures/hostile/huge-open-amount.csv", "--out", out.path,
            "fixtures/hostile/one-payment.820",
        ])
        #expect(result.status == 1, "stderr: \(result.stderr)")
        let errors = result.stderr.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(errors.count == 2, "stderr: \(result.stderr)")
        #expect(
            errors.first?.hasPrefix(
                "fixtures/hostile/huge-open-amount.csv:3:34: error: amount '12345678901234567' is not a plausible "
                    + "money amount: 17 digits before the decimal point; a money amount has at most 14") == true,
            "stderr: \(result.stderr)")
        #expect(errors.last?.contains("huge-open-amount.csv:3:52: error: open_amount '12345678901234567'") == true)
        #expect(result.stderr.contains("1 line (1 matched, 0 unmatched, 0 rejected)"), "stderr: \(result.stderr)")
        #expect(result.stderr.contains("tie-outs tie"))
    }

    @Test func anEighteenDigitPaymentIsALocatedErrorNotACrash() throws {
        // BPR02 888888888888888888 would overflow the tie-outs; the reader refuses it as no money amount.
        // (A tie-out that cannot be represented is covered by TieOutOverflowTests.)
        let out = try RemitProcess.temporaryDirectory()
        let result = try RemitProcess.run([
            "reconcile", "--invoices", "fixtures/hostile/huge-open-amount.csv", "--out", out.path,
            "fixtures/hostile/payment-overflows-tie-out.820",
        ])
        #expect(result.status == 1, "stderr: \(result.stderr)")
        #expect(
            result.stderr.contains(
                "fixtures/hostile/payment-overflows-tie-out.820:4:7: error: BPR02 '888888888888888888' is not an "
                    + "amount: 18 digits before the decimal point; a money amount has at most 14"),
            "stderr: \(result.stderr)")
        #expect(result.stderr.contains("1 line (0 matched, 0 unmatched, 1 rejected)"), "stderr: \(result.stderr)")
    }
}

import RemitCore

/// Pairs each bank credit with the remittance advice that funds it.
///
/// Rules, tried in this order, each over what the earlier ones left unpaired:
/// 1. `same-entry` (100): an ISO 20022 entry and the transaction details inside it, which are one credit and
///    its remittance by construction.
/// 2. `trace` (100, or 90 when the amounts differ): the payment's trace number (X12 TRN02, an ACH trace,
///    an EndToEndId) equals the credit's bank or customer reference, or a word of its text. Letters and
///    digits are compared without case, leading zeros dropped.
/// 3. `amount-date-payer` (80): same amount and currency, dates at most `dateWindowDays` apart, and the
///    payer's name in the credit's text.
/// 4. `amount-date` (50): same amount and currency within the window, and neither side has another candidate.
///
/// Before the rules, the credits the bank itself says are not cash are set aside (`group-status`): those of a
/// BAI2 group sent as test only or as a deletion, and those a later deletion or correction group of the run
/// withdraws (see `groupStatusSetAside`); and ISO 20022 credits whose entry status is not `BOOK`
/// (`entry-status`: `PDNG`, `INFO`, `FUTR`). They take part in no rule and keep their place in the output.
///
/// Only credits in a payment (positive, not zero) take part; the caller chooses which bank transactions are
/// customer cash. One credit may fund several payments only under `same-entry`.
public struct Reassociator: Sendable {
    public let options: ReassociationOptions

    public init(options: ReassociationOptions = ReassociationOptions()) {
        self.options = options
    }

    /// A bank credit's pairing while the rules run.
    private struct Decision {
        var payments: [Int] = []
        var rule = "none"
        var score = 0
        var evidence: [Evidence] = []
    }

    /// - Parameters:
    ///   - credits: bank transactions that bring customer cash in, in input order.
    ///   - payments: every payment read, in input order; debits and zero payments are left out here.
    ///   - withdrawals: the deletion and correction groups of the bank inputs, in input order, each placed
    ///     among `credits`.
    /// - Returns: one pairing per credit in input order (`set_aside` for those the bank withdrew), then one per
    ///   payment left without cash.
    public func pair(
        credits allCredits: [BankTransaction], payments: [Payment], withdrawals: [GroupWithdrawal] = []
    ) -> Reassociation {
        var setAside = Self.groupStatusSetAside(allCredits, withdrawals: withdrawals).mapValues {
            (rule: "group-status", evidence: $0)
        }
        for (index, credit) in allCredits.enumerated() where setAside[index] == nil {
            // A BAI2 group status is the group rule's to judge; any other status but BOOK is ISO 20022's.
            if let status = credit.status, status != "BOOK", BankStatusGroup.Status(rawValue: status) == nil {
                setAside[index] = (rule: "entry-status", evidence: [Evidence("entry_status", status)])
            }
        }
        // The rules see only the credits not set aside.
        let credits =
            setAside.isEmpty ? allCredits : allCredits.indices.filter { setAside[$0] == nil }.map { allCredits[$0] }
        let eligible = payments.filter { $0.direction == .credit && !$0.amount.isZero }
        var taken = [Bool](repeating: false, count: eligible.count)
        var decisions = [Decision](repeating: Decision(), count: credits.count)

        pairSameEntry(credits, eligible, &taken, &decisions)
        pairByTrace(credits, eligible, &taken, &decisions)
        pairByAmountDatePayer(credits, eligible, &taken, &decisions)
        pairByAmountDate(credits, eligible, &taken, &decisions)

        var pairings: [CashPairing] = []
        var decided = decisions.makeIterator()
        for (position, credit) in allCredits.enumerated() {
            if let (rule, evidence) = setAside[position] {
                pairings.append(
                    CashPairing(
                        status: .setAside, bankTransaction: credit, payments: [], rule: rule, score: 100,
                        evidence: evidence))
                continue
            }
            let decision = decided.next()!
            if decision.payments.isEmpty {
                pairings.append(
                    CashPairing(
                        status: .cashWithoutRemittance, bankTransaction: credit, payments: [], rule: "none", score: 0,
                        evidence: [Evidence("bank_amount", credit.amount.description)]))
                continue
            }
            var pairing = CashPairing(
                status: .paired, bankTransaction: credit, payments: decision.payments.map { eligible[$0] },
                rule: decision.rule, score: decision.score, evidence: decision.evidence)
            if let difference = pairing.difference, !difference.isZero {
                pairing.status = .amountDifference
                pairing.evidence.append(Evidence("difference", difference.description))
            }
            pairings.append(pairing)
        }
        for (index, payment) in eligible.enumerated() where !taken[index] {
            var evidence = [Evidence("amount", payment.amount.description)]
            if let trace = payment.traceNumber { evidence.append(Evidence("trace", trace)) }
            if let date = payment.date { evidence.append(Evidence("date", date.description)) }
            pairings.append(
                CashPairing(
                    status: .remittanceWithoutCash, bankTransaction: nil, payments: [payment], rule: "none",
                    score: 0, evidence: evidence))
        }
        return Reassociation(pairings: pairings)
    }

    // MARK: Rules

    private func pairSameEntry(
        _ credits: [BankTransaction], _ payments: [Payment], _ taken: inout [Bool], _ decisions: inout [Decision]
    ) {
        var byEntry: [String: [Int]] = [:]
        var byRemittanceID: [String: [Int]] = [:]
        for (index, payment) in payments.enumerated() {
            if !payment.provenance.transactionID.isEmpty {
                byEntry[Self.entryKey(payment.provenance), default: []].append(index)
            }
            if let id = payment.remittanceID { byRemittanceID[id, default: []].append(index) }
        }
        for (index, credit) in credits.enumerated() {
            let key = Self.entryKey(credit.provenance)
            guard !credit.provenance.transactionID.isEmpty, let found = byEntry[key] else { continue }
            let free = found.filter { !taken[$0] && payments[$0].amount.currency == credit.amount.currency }
            guard !free.isEmpty else { continue }
            for payment in free { taken[payment] = true }
            // A detail that names its remittance advice (camt RltdRmtInf/RmtId) is paid as that advice says: the
            // advice's payments stand for it, and the detail is named in the evidence.
            var paid: [Int] = []
            var evidence = [Evidence("entry", credit.provenance.transactionID)]
            for payment in free {
                let advices = payments[payment].relatedRemittanceID.flatMap { byRemittanceID[$0] }?.filter {
                    !taken[$0] && payments[$0].amount.currency == credit.amount.currency
                }
                guard let advices, !advices.isEmpty else {
                    paid.append(payment)
                    continue
                }
                for advice in advices { taken[advice] = true }
                paid += advices
                evidence.append(Evidence("bank_detail", payments[payment].id))
                evidence.append(Evidence("related_remittance", payments[payment].relatedRemittanceID ?? ""))
            }
            paid.sort()  // input order, as in every pairing
            evidence.insert(Evidence("payments", String(paid.count)), at: 1)
            decisions[index] = Decision(
                payments: paid, rule: paid == free ? "same-entry" : "related-remittance", score: 100,
                evidence: evidence)
        }
    }

    /// The payment's trace number, then the 820 TRN02 kept beside an ACH trace.
    static func traces(of payment: Payment) -> [String] {
        [payment.traceNumber].compactMap { $0 }
            + payment.references.filter { $0.qualifier == "TRN" }.compactMap(\.value)
    }

    private func pairByTrace(
        _ credits: [BankTransaction], _ payments: [Payment], _ taken: inout [Bool], _ decisions: inout [Decision]
    ) {
        // Each payment under its trace number and, for an 820 carried in an ACH entry, its own TRN02.
        var byTrace: [String: [Int]] = [:]
        for (index, payment) in payments.enumerated() {
            for trace in Set(Self.traces(of: payment).map(Self.key))
            where trace.count >= options.minimumTraceLength {
                byTrace[trace, default: []].append(index)
            }
        }
        guard !byTrace.isEmpty else { return }
        for (index, credit) in credits.enumerated() where decisions[index].payments.isEmpty {
            var places: [(String, String)] = []
            if let reference = credit.bankReference { places.append(("bank_reference", Self.key(reference))) }
            if let reference = credit.customerReference { places.append(("customer_reference", Self.key(reference))) }
            for word in Self.words(credit.text) where word.count >= max(6, options.minimumTraceLength) {
                places.append(("text", word))
            }
            search: for (place, key) in places where key.count >= options.minimumTraceLength {
                for candidate in byTrace[key] ?? []
                where !taken[candidate] && payments[candidate].amount.currency == credit.amount.currency {
                    taken[candidate] = true
                    let payment = payments[candidate]
                    let same = payment.amount.amount == credit.amount.amount
                    let trace = Self.traces(of: payment).first { Self.key($0) == key } ?? ""
                    decisions[index] = Decision(
                        payments: [candidate], rule: "trace", score: same ? 100 : 90,
                        evidence: [
                            Evidence("trace", trace), Evidence("found_in", place),
                            Evidence("bank_amount", credit.amount.description),
                            Evidence("remittance_amount", payment.amount.description),
                        ])
                    break search
                }
            }
        }
    }

    private func pairByAmountDatePayer(
        _ credits: [BankTransaction], _ payments: [Payment], _ taken: inout [Bool], _ decisions: inout [Decision]
    ) {
        for (index, credit) in credits.enumerated() where decisions[index].payments.isEmpty {
            let text =
                Self.words(credit.text)
                + [credit.bankReference, credit.customerReference].compactMap {
                    $0.map(Self.key)
                }
            guard !text.isEmpty else { continue }
            var best: (payment: Int, days: Int, name: String)?
            for candidate in candidates(for: credit, payments, taken) {
                guard let name = payments[candidate.payment].payer.name, Self.nameAppears(name, in: text) else {
                    continue
                }
                if best == nil || candidate.days < best!.days { best = (candidate.payment, candidate.days, name) }
            }
            guard let best else { continue }
            taken[best.payment] = true
            decisions[index] = Decision(
                payments: [best.payment], rule: "amount-date-payer", score: 80,
                evidence: amountEvidence(credit, payments[best.payment], days: best.days) + [
                    Evidence("payer_in_text", best.name)
                ])
        }
    }

    private func pairByAmountDate(
        _ credits: [BankTransaction], _ payments: [Payment], _ taken: inout [Bool], _ decisions: inout [Decision]
    ) {
        let open = credits.indices.filter { decisions[$0].payments.isEmpty }
        var found: [Int: [(payment: Int, days: Int)]] = [:]
        var creditsPerPayment: [Int: Int] = [:]
        for index in open {
            let list = candidates(for: credits[index], payments, taken)
            found[index] = list
            for candidate in list { creditsPerPayment[candidate.payment, default: 0] += 1 }
        }
        for index in open {
            guard let list = found[index], list.count == 1, creditsPerPayment[list[0].payment] == 1 else { continue }
            let candidate = list[0]
            taken[candidate.payment] = true
            decisions[index] = Decision(
                payments: [candidate.payment], rule: "amount-date", score: 50,
                evidence: amountEvidence(credits[index], payments[candidate.payment], days: candidate.days) + [
                    Evidence("only_candidate", "yes")
                ])
        }
    }

    /// Untaken payments of the credit's amount and currency whose date lies within the window of the credit's.
    private func candidates(
        for credit: BankTransaction, _ payments: [Payment], _ taken: [Bool]
    ) -> [(payment: Int, days: Int)] {
        guard let bankDate = credit.valueDate ?? credit.asOfDate else { return [] }
        var list: [(payment: Int, days: Int)] = []
        for (index, payment) in payments.enumerated() where !taken[index] {
            guard payment.amount == credit.amount, let date = payment.date else { continue }
            let days = abs(CalendarDate.days(from: date, to: bankDate))
            if days <= options.dateWindowDays { list.append((index, days)) }
        }
        return list
    }

    private func amountEvidence(_ credit: BankTransaction, _ payment: Payment, days: Int) -> [Evidence] {
        [
            Evidence("amount", credit.amount.description),
            Evidence("bank_date", (credit.valueDate ?? credit.asOfDate)?.description ?? ""),
            Evidence("payment_date", payment.date?.description ?? ""), Evidence("days_apart", String(days)),
        ]
    }
}

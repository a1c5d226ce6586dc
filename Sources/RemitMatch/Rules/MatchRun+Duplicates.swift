import RemitCore

extension MatchRun {
    /// A key naming the payer the same way whichever alias it used: its partner, else its id, else its name.
    func payerKey(_ payer: Party) -> String { Self.payerKey(payerFacts(payer)) }

    static func payerKey(_ payer: Party, partners: PartnerDirectory) -> String {
        payerKey(CustomerFacts(payer, partners: partners))
    }

    /// The payer key from the payer's normalized facts, so a run works them out once per payer.
    private static func payerKey(_ facts: CustomerFacts) -> String {
        if let partner = facts.partnerKey { return "partner:" + partner }
        if let id = facts.id { return "id:" + id }
        return "name:" + (facts.name ?? "")
    }

    /// Finds payments read twice from two different input files (same payer and amount, and the same trace
    /// number, or the same date and references when a trace number is missing on one side), within this run or
    /// against the earlier runs in `options.earlierPayments`, and sets the later copy's lines aside, unapplied.
    mutating func markRepeatedPayments() {
        guard !payments.isEmpty else { return }
        // A payment's lines usually follow one another: only a change of payment needs a lookup.
        var groupOf: [String: Int] = [:]
        var groups: [(paymentID: String, lines: [Int])] = []
        var current = -1
        for index in lines.indices {
            let paymentID = lines[index].paymentID
            if current < 0 || groups[current].paymentID != paymentID {
                if let known = groupOf[paymentID] {
                    current = known
                } else {
                    current = groups.count
                    groupOf[paymentID] = current
                    groups.append((paymentID, []))
                }
            }
            groups[current].lines.append(index)
        }
        // Each key names the first payment that had it, by id (`payments` holds the payment itself).
        var seen: [String: String] = [:]
        seen.reserveCapacity(groups.count * 2)
        let payments = payments
        let earlierPayments = options.earlierPayments
        for (paymentID, indices) in groups {
            guard let payment = payments[paymentID] else { continue }
            let keys = paymentKeys(payment, references: indices.map { lines[$0].normalizedReference })
            let file = payment.provenance.location.file
            // Two trace numbers that differ are two payments, however alike: a payer can pay one invoice twice.
            let trace = Self.trace(payment)
            let repeated = keys.lazy.compactMap { seen[$0].flatMap { payments[$0] } }.first {
                $0.provenance.location.file != file
                    && (trace == nil || Self.trace($0) == nil || Self.trace($0) == trace)
            }
            if let earlier = repeated {
                setAside(payment, indices: indices, as: earlier.id, source: earlier.provenance.location.file)
                continue
            }
            let before = keys.lazy.compactMap { earlierPayments.byKey[$0] }.first {
                trace == nil || $0.trace == nil || $0.trace == trace
            }
            if let earlier = before {
                setAside(
                    payment, indices: indices, as: earlier.paymentID,
                    source: "\(earlier.source) (run of \(earlier.runTime))")
                continue
            }
            for key in keys where seen[key] == nil { seen[key] = payment.id }
        }
    }

    /// Reports `payment` as a repeat of the payment `earlierID` read from `source` and leaves its lines
    /// unapplied.
    mutating func setAside(_ payment: Payment, indices: [Int], as earlierID: String, source: String) {
        findings.append(
            MatchFinding(
                kind: .paymentRepeated, subject: payment.id, ids: [earlierID, payment.id],
                detail: "payment \(payment.id) in \(payment.provenance.location.file) repeats \(earlierID) from "
                    + "\(source); not applied twice"))
        for index in indices {
            decided[index] = unmatched(
                lines[index],
                evidence: [
                    Evidence("normalized_reference", lines[index].normalizedReference),
                    Evidence("duplicate_of_payment", earlierID),
                    Evidence("duplicate_source", source),
                ], why: "the same payment was already read from another file; not applied twice",
                rule: "duplicate-payment", score: 100)
        }
    }

    /// The keys under which a payment and a repeat of it meet: payer and amount with the trace number, and
    /// payer and amount with the date and the lines' normalized references.
    func paymentKeys(_ payment: Payment, references: [String]) -> [String] {
        Self.paymentKeys(payment, references: references, payerKey: payerKey(payment.payer))
    }

    static func paymentKeys(_ payment: Payment, references: [String], partners: PartnerDirectory) -> [String] {
        paymentKeys(payment, references: references, payerKey: payerKey(payment.payer, partners: partners))
    }

    private static func paymentKeys(_ payment: Payment, references: [String], payerKey: String) -> [String] {
        let base = payerKey + "|" + amountKey(payment.amount)
        var keys: [String] = []
        if let trace = trace(payment) { keys.append(base + "|trace:" + trace) }
        if let date = payment.date {
            keys.append(base + "|date:" + date.description + "|refs:" + references.sorted().joined(separator: ","))
        }
        return keys
    }

    /// Finds stated deductions announced twice under two labels: same payer, same invoice and amount,
    /// different reason codes (or the same memo number twice). Adds `duplicate_deduction` to the lines.
    mutating func markRepeatedDeductions(_ deductions: [Deduction], lineIndex: [String: Int]) {
        var groups: [String: [Deduction]] = [:]
        var order: [String] = []
        for deduction in deductions where deduction.origin == .stated {
            let line = deduction.lineID.flatMap { lineIndex[$0] }.map { lines[$0] }
            let reference =
                deduction.invoiceReference.map(ReferenceNormalizer.normalize) ?? line?.normalizedReference ?? ""
            guard !reference.isEmpty else { continue }
            let key =
                payerKey(line?.payer ?? deduction.payer) + "|" + reference + "|" + Self.amountKey(deduction.amount)
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(deduction)
        }
        for key in order {
            let group = groups[key]!
            guard group.count > 1 else { continue }
            let labels = Set(group.map { ($0.reasonCodeList ?? "") + ":" + ($0.reasonCode ?? $0.category.rawValue) })
            let memos = group.compactMap(\.memoNumber)
            guard labels.count > 1 || Set(memos).count < memos.count else { continue }
            let ids = group.map(\.id)
            let first = group[0]
            findings.append(
                MatchFinding(
                    kind: .deductionRepeated, subject: first.invoiceReference ?? key, ids: ids,
                    detail: "\(first.amount) deducted \(group.count) times for the same invoice under "
                        + "\(labels.sorted().joined(separator: ", "))"))
            for lineID in Set(group.compactMap(\.lineID)).sorted() {
                guard let index = lineIndex[lineID] else { continue }
                decided[index]?.evidence.append(Evidence("duplicate_deduction", Matcher.listed(ids)))
            }
        }
    }

    static func trace(_ payment: Payment) -> String? {
        guard let trace = payment.traceNumber?.trimmingSpaces(), !trace.isEmpty else { return nil }
        return trace
    }

    /// `120 USD` for 120, 120.00 and 120.000 alike.
    static func amountKey(_ money: Money) -> String {
        money.amount.normalized().description + " " + money.currency
    }
}
